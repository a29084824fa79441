import { Logger } from '@nestjs/common';
import { Client, ClientConfig } from 'pg';
import { BackoffPolicy, backoffDelay, sleep } from '../retry/backoff';
import { describeError } from '@legal/observability';

/**
 * A dedicated PostgreSQL connection that LISTENs on the outbox channel, so a commit in any instance
 * wakes the relays of all instances. Reconnects with backoff; after (re)connecting it wakes the relay
 * once, in case a notification was missed while it was away.
 */
export class OutboxNotificationListener {
  private readonly logger = new Logger(OutboxNotificationListener.name);
  private readonly abort = new AbortController();
  private client: Client | undefined;
  private loop: Promise<void> | undefined;
  private connected = false;

  constructor(
    private readonly connection: ClientConfig,
    private readonly channel: string,
    /** A notification (its payload), or a (re)connection (no payload: something may have been missed). */
    private readonly onNotify: (payload?: string) => void,
    private readonly backoff: BackoffPolicy = { initialMs: 200, maxMs: 5000 },
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  isListening(): boolean {
    return this.connected;
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.client?.end().catch(() => undefined);
    await this.loop;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.abort.signal.aborted) {
      const client = new Client({ ...this.connection, connectionTimeoutMillis: 5000 });
      const closed = new Promise<void>((resolve) => {
        client.once('end', () => resolve());
        client.on('error', (e: Error) => {
          this.logger.warn({ msg: 'outbox listener connection lost', error: describeError(e) });
          resolve();
        });
      });
      client.on('notification', (message) => {
        if (message.channel === this.channel) this.onNotify(message.payload ?? '');
      });
      try {
        this.client = client;
        await client.connect();
        await client.query(`LISTEN "${this.channel.replace(/"/g, '""')}"`);
        this.connected = true;
        failures = 0;
        this.onNotify();
        await closed;
      } catch (e) {
        failures++;
        if (failures === 1 || failures % 10 === 0) {
          this.logger.warn({
            msg: 'outbox listener cannot connect; relying on polling meanwhile',
            failures,
            error: describeError(e),
          });
        }
      } finally {
        this.connected = false;
        await client.end().catch(() => undefined);
      }
      await sleep(backoffDelay(Math.max(1, failures), this.backoff), this.abort.signal);
    }
  }
}
