/**
 * LISTEN on a channel, surviving lost connections.
 *
 * NOTIFY is only a wake-up: it carries no data and may be missed while a connection is down. That is why
 * `onConnected` runs after every (re)connection — the caller (the outbox dispatcher) then reads whatever it
 * missed by `seq`. Nothing correct depends on a notification arriving.
 */
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';

export interface ListenHandlers {
  onNotify(payload: string): void;
  onConnected(): void;
  onDisconnected?(error: Error): void;
}

export interface Listener {
  close(): Promise<void>;
}

const RECONNECT_DELAYS_MS = [100, 250, 500, 1_000, 2_000, 5_000];

/** A dedicated node-postgres client that re-LISTENs after any connection loss, with backoff. */
export class PgListener {
  private client: pg.Client | null = null;
  private closed = false;
  private attempt = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly handlers: ListenHandlers,
    private readonly types: pg.CustomTypesConfig,
  ) {}

  /** Connects once; rejects if the first connection fails (the caller decides whether to start). */
  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, types: this.types, application_name: 'centre-ops-listen' });
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.handlers.onNotify(message.payload ?? '');
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    await client.connect();
    await client.query(`LISTEN ${pg.escapeIdentifier(this.channel)}`);
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.attempt = 0;
    this.handlers.onConnected();
  }

  private lost(client: pg.Client, error: Error): void {
    if (this.client !== client || this.closed) return;
    this.client = null;
    client.removeAllListeners('end');
    client.end().catch(() => {});
    this.handlers.onDisconnected?.(error);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.timer) return;
    const delay = RECONNECT_DELAYS_MS[Math.min(this.attempt, RECONNECT_DELAYS_MS.length - 1)] ?? 5_000;
    this.attempt += 1;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.connect().catch((error: Error) => {
        this.handlers.onDisconnected?.(error);
        this.scheduleReconnect();
      });
    }, delay);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners('end');
      await client.end().catch(() => {});
    }
  }
}

/** PGlite lives in this process: its LISTEN cannot be lost, so onConnected runs once. */
export async function listenPglite(pglite: PGlite, channel: string, handlers: ListenHandlers): Promise<Listener> {
  const unlisten = await pglite.listen(channel, (payload) => handlers.onNotify(payload));
  handlers.onConnected();
  return { close: () => unlisten() };
}
