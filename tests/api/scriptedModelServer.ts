// A model server for the tests of the model extractor: a real HTTP server (node:http, on
// a free port of 127.0.0.1) that answers POST /v1/chat/completions the way each test
// scripts it (a chat completion, an error status, a body cut short, an answer too late)
// and keeps every request it was sent, headers and JSON body, for the test to check.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: {
    model: string;
    messages: Array<{ role: string; content: string }>;
    response_format?: { type: string; json_schema?: { name: string; strict: boolean; schema: unknown } };
    [field: string]: unknown;
  };
}

/** How the server answers one request. */
export type Script = (req: ReceivedRequest, res: http.ServerResponse) => void;

export interface ScriptedModelServer {
  /** The base URL to configure: http://127.0.0.1:<port>/v1 */
  url: string;
  requests: ReceivedRequest[];
  /** The script for the requests from now on. */
  answerWith(script: Script): void;
  close(): Promise<void>;
}

/** A chat completion whose message is `content` (a string the model wrote). */
export function completion(content: string, finishReason = 'stop'): string {
  return JSON.stringify({
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1_730_000_000,
    model: 'test-model',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finishReason }],
  });
}

/** Answers with a chat completion whose message is the JSON of `answer`. */
export const answersJson =
  (answer: unknown): Script =>
  (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(completion(JSON.stringify(answer)));
  };

export async function startScriptedModelServer(): Promise<ScriptedModelServer> {
  const requests: ReceivedRequest[] = [];
  let script: Script = (_req, res) => res.writeHead(503).end('no script');
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received: ReceivedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReceivedRequest['body'],
      };
      requests.push(received);
      script(received, res);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    answerWith: (next) => {
      script = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
