import { InboxMessage } from './inbox/inbox-message.entity';
import { MessagingTables1764300000000 } from './migrations/1764300000000-messaging-tables';
import { OutboxQuarantine1764300000001 } from './migrations/1764300000001-outbox-quarantine';
import { OutboxMessage } from './outbox/outbox-message.entity';
import { OutboxQuarantineEntry } from './outbox/outbox-quarantine.entity';

/** Entities of the outbox, outbox quarantine and inbox tables; the service kit adds them to every service. */
export const messagingEntities = [OutboxMessage, OutboxQuarantineEntry, InboxMessage];

/** Migrations of the outbox, outbox quarantine and inbox tables (sorted before every service migration). */
export const messagingMigrations = [MessagingTables1764300000000, OutboxQuarantine1764300000001];

/** The schema a data source writes into, checked so it can be spliced into raw SQL. */
export function schemaName(dataSourceOptions: object): string {
  const configured = (dataSourceOptions as { schema?: unknown }).schema;
  const schema = typeof configured === 'string' ? configured : 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`unsafe schema name: ${schema}`);
  return schema;
}

/** The NOTIFY channel the outbox of `schema` signals on (LISTEN/NOTIFY wakes relays of every instance). */
export function outboxChannel(schema: string): string {
  return `outbox_${schema}`.slice(0, 63);
}
