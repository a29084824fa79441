import { DLQ_HEADERS } from '@legal/contracts';

/**
 * Header of a replayed record meant for one consumer group only (the physical group id that dead-lettered
 * it). Every other group acknowledges and skips the record: they may have applied the event long ago, and
 * once their inbox forgot its id, handling it again would apply it twice.
 */
export const REPLAY_TARGET_GROUP_HEADER = 'replay_target_group';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether consumer group `groupId` should handle a record with these headers. */
export function replayTargetAllows(
  headers: Record<string, Buffer | string | (Buffer | string)[] | undefined>,
  groupId: string,
): boolean {
  const raw = headers[REPLAY_TARGET_GROUP_HEADER];
  if (raw === undefined) return true;
  const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  return value === undefined || value.toString() === groupId;
}

export interface DedupeWindow {
  /** How long consumers remember an applied event id (INBOX_RETENTION_DAYS). */
  retentionMs: number;
  /**
   * Kept in hand for clocks that disagree, the purge interval and a replayed record waiting in a lagging
   * consumer's queue (default one day).
   */
  marginMs?: number;
}

/**
 * When the event of a dead letter happened, as early as the letter tells: the event's own `ce_time`,
 * the dead-lettering time or the DLQ record's timestamp, whichever is earliest. Any consumer that applied
 * the event did so after this moment, so its inbox keeps the id until at least this + retention.
 */
export function letterEventTime(
  headers: Record<string, string>,
  recordTimestamp: string | undefined,
): number | undefined {
  const candidates = [
    Date.parse(headers.ce_time ?? ''),
    Date.parse(headers[DLQ_HEADERS.failedAt] ?? ''),
    Number(recordTimestamp),
  ].filter((t) => Number.isFinite(t) && t > 0);
  return candidates.length > 0 ? Math.min(...candidates) : undefined;
}

/**
 * True when replaying the letter to every consumer group could apply it twice: its event is older than
 * what the inboxes still remember (minus the margin), or its age is unknown.
 */
export function beyondDedupeWindow(eventTime: number | undefined, window: DedupeWindow, now = Date.now()): boolean {
  if (eventTime === undefined) return true;
  return now - eventTime > window.retentionMs - (window.marginMs ?? DAY_MS);
}
