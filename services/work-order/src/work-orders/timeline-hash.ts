import { createHash } from 'node:crypto';

/** The `prevHash` of the first entry of every timeline. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an entry that its hash covers: everything except the hash itself. */
export interface HashedEntryFields {
  workOrderId: string;
  seq: number;
  at: Date;
  action: string;
  actorRole: string;
  actorId: string | null;
  platform: string | null;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  data: Record<string, unknown>;
  prevHash: string;
}

/**
 * JSON with object keys sorted at every level, so the same content always gives the same bytes
 * (PostgreSQL's jsonb does not keep key order).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/** SHA-256 (hex) over the canonical JSON of the entry's fields, previous hash included. */
export function timelineEntryHash(entry: HashedEntryFields): string {
  const content = canonicalJson({
    workOrderId: entry.workOrderId,
    seq: entry.seq,
    at: entry.at.toISOString(),
    action: entry.action,
    actorRole: entry.actorRole,
    actorId: entry.actorId,
    platform: entry.platform,
    fromStatus: entry.fromStatus,
    toStatus: entry.toStatus,
    note: entry.note,
    data: entry.data,
    prevHash: entry.prevHash,
  });
  return createHash('sha256').update(content, 'utf8').digest('hex');
}
