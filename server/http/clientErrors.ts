// Requests Node's HTTP parser refuses before Express sees them (headers or URL too large,
// malformed request lines, a client too slow to send its headers). Node would answer a
// bare "400 Bad Request"; here they get a problem+json answer with the same security
// headers as every other response, then the connection closes.
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { STATUS_CODES } from 'node:http';
import type { Problem } from '../model/api';
import { securityHeaderList } from './securityHeaders';

function statusFor(code: string | undefined): number {
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}

function detailFor(status: number): string {
  if (status === 431)
    return 'the request line or headers are too large (the URL is probably too long); send a shorter request';
  if (status === 408) return 'the request was not received in time';
  return 'the request could not be parsed as HTTP';
}

export function answerClientErrors(server: http.Server): void {
  const headers = securityHeaderList();
  server.on('clientError', (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex) => {
    // ECONNRESET and friends: the client is gone, nobody to answer.
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = statusFor(error.code);
    const problem: Problem = {
      type: 'about:blank',
      title: STATUS_CODES[status] ?? 'Bad Request',
      status,
      detail: detailFor(status),
    };
    const body = JSON.stringify(problem);
    const lines = [
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
      'Content-Type: application/problem+json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Cache-Control: no-store',
      'Connection: close',
      ...headers.map(([name, value]) => `${name}: ${value}`),
    ];
    // A HEAD request gets the headers only: a client would take a body for the next response.
    const head = error.rawPacket?.toString('latin1', 0, 5) === 'HEAD ';
    socket.end(`${lines.join('\r\n')}\r\n\r\n${head ? '' : body}`);
  });
}
