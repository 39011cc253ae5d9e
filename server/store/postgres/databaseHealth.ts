// Whether this server can reach its PostgreSQL database, as the write path last found
// it: a lost connection turns writes into 503 problems and puts a Warning on reads
// (answered from memory); the next successful query or reconnect clears it.
import { DatabaseUnreachableError } from '../writeErrors';
import { DatabaseUnavailableError } from './connect';

/** SQLSTATE classes and codes that mean the connection, not the statement, failed. */
const CONNECTION_SQLSTATES = new Set(['57P01', '57P02', '57P03']);
const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);

/** True for an error of the connection (refused, dropped, server shut down), not of a statement. */
export function isConnectionError(error: unknown): boolean {
  if (error instanceof DatabaseUnreachableError || error instanceof DatabaseUnavailableError) return true;
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && (CONNECTION_ERRNOS.has(code) || CONNECTION_SQLSTATES.has(code))) return true;
  if (typeof code === 'string' && code.startsWith('08')) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection timeout|Client has encountered a connection error|not queryable/i.test(
    message,
  );
}

/** What to tell the user about a connection error: its errno or message, without credentials. */
export function describeConnectionError(error: unknown): string {
  if (error instanceof DatabaseUnreachableError) return error.reason;
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' && !message.includes(code) ? `${code} ${message}` : message;
}

export class DatabaseHealth {
  private lost: string | undefined;

  /** Undefined while the database answers; else why it does not. */
  get unreachable(): string | undefined {
    return this.lost;
  }

  reached(): void {
    this.lost = undefined;
  }

  /** Records a connection error and returns it as the store's error; any other error is returned unchanged. */
  failed(error: unknown): unknown {
    if (!isConnectionError(error)) return error;
    const reason = describeConnectionError(error);
    this.lost = reason;
    return error instanceof DatabaseUnreachableError ? error : new DatabaseUnreachableError(reason);
  }
}
