/** Offset of Asia/Shanghai: China has kept UTC+8 all year since 1991 (no daylight saving time). */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/**
 * An instant as citizens read it: RFC 3339 in Asia/Shanghai with its offset, to the second
 * (`2026-12-04T12:15:00.000Z` → `2026-12-04T20:15:00+08:00`). Staff views keep UTC instants.
 * An unparseable value is returned unchanged rather than invented.
 */
export function toShanghaiTime(instant: Date | string): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) return String(instant);
  const local = new Date(Math.floor(ms / 1000) * 1000 + SHANGHAI_OFFSET_MS).toISOString();
  return `${local.slice(0, 19)}+08:00`;
}
