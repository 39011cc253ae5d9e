// Keeps a server up to date with the events other servers commit to the same database:
// a dedicated connection LISTENs on claimgraph_events, and each notification, a timer
// and every reconnect trigger a catch-up that reads `events WHERE seq > lastApplied` in
// commit order. The notification only says "look now": the catch-up reads the table, so
// a missed notification (a dropped connection, a restart) is never a lost event.
import pg from 'pg';
import { EVENTS_CHANNEL } from './postgresEventStore';

/** How often a server looks for new events without being told. */
export const FOLLOW_INTERVAL_MS = 2_000;
/** How long the listener waits before reconnecting, at most. */
const MAX_RECONNECT_DELAY_MS = 5_000;

export interface EventFollowerOptions {
  connection: pg.ClientConfig;
  /** Reads and applies the new events (in the write queue); rejects while the database is unreachable. */
  catchUp: () => Promise<unknown>;
  intervalMs?: number;
  onError?: (error: unknown) => void;
}

export class EventFollower {
  private listener: pg.Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private reconnectDelay = 250;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(private readonly options: EventFollowerOptions) {}

  start(): void {
    this.timer = setInterval(() => this.trigger(), this.options.intervalMs ?? FOLLOW_INTERVAL_MS);
    this.timer.unref();
    void this.listen();
  }

  /** Runs a catch-up now, or once more after the one running (never two at once). */
  trigger(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.options
      .catchUp()
      .then(
        () => undefined,
        (error: unknown) => this.options.onError?.(error),
      )
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.trigger();
        }
      });
  }

  private async listen(): Promise<void> {
    const client = new pg.Client(this.options.connection);
    this.listener = client;
    client.on('notification', () => this.trigger());
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
      this.reconnectDelay = 250;
      // Whatever was committed while the listener was away.
      this.trigger();
    } catch {
      this.reconnect(client);
    }
  }

  private reconnect(client: pg.Client): void {
    if (this.stopped || this.listener !== client) return;
    this.listener = undefined;
    client.removeAllListeners();
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(MAX_RECONNECT_DELAY_MS, delay * 2);
    this.reconnectTimer = setTimeout(() => void this.listen(), delay);
    this.reconnectTimer.unref();
  }

  /** Stops listening and waits for a catch-up in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.reconnectTimer);
    const client = this.listener;
    this.listener = undefined;
    if (client) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
    }
    await this.running;
  }
}
