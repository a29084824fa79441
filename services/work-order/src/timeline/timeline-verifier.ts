import { GENESIS_HASH, HashedEntryFields, timelineEntryHash } from '../work-orders/timeline-hash';

export type BrokenLinkReason = 'hash-mismatch' | 'prev-hash-mismatch' | 'sequence-gap' | 'head-mismatch' | 'empty';

export interface BrokenLink {
  /** The first entry whose link does not hold (for `head-mismatch`: the last entry present). */
  seq: number;
  reason: BrokenLinkReason;
  detail: string;
}

export interface ChainVerification {
  valid: boolean;
  entries: number;
  /** The first broken link, when the chain does not hold. */
  firstBroken?: BrokenLink;
}

export interface StoredEntry extends HashedEntryFields {
  hash: string;
}

/**
 * Walks the chain oldest first: each entry's hash must match its content, each `prevHash` the hash
 * before it, sequence numbers must run 1, 2, 3 ...; and the last hash must equal the head stored on
 * the work order (so removing the newest entries is caught too).
 */
export function verifyTimelineChain(
  entries: readonly StoredEntry[],
  expectedHead: string,
  expectedLength: number,
): ChainVerification {
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  if (sorted.length === 0) {
    return {
      valid: false,
      entries: 0,
      firstBroken: { seq: 1, reason: 'empty', detail: 'the work order has no timeline entries' },
    };
  }
  let previous = GENESIS_HASH;
  for (let i = 0; i < sorted.length; i++) {
    const entry = sorted[i];
    const broken = (reason: BrokenLinkReason, detail: string): ChainVerification => ({
      valid: false,
      entries: sorted.length,
      firstBroken: { seq: entry.seq, reason, detail },
    });
    if (entry.seq !== i + 1)
      return broken('sequence-gap', `expected entry ${i + 1}, found ${entry.seq}: entries are missing`);
    if (entry.prevHash !== previous)
      return broken('prev-hash-mismatch', `entry ${entry.seq} does not point at the hash of entry ${entry.seq - 1}`);
    const actual = timelineEntryHash(entry);
    if (actual !== entry.hash)
      return broken('hash-mismatch', `the content of entry ${entry.seq} was changed after it was written`);
    previous = entry.hash;
  }
  const last = sorted[sorted.length - 1];
  if (sorted.length !== expectedLength || last.hash !== expectedHead) {
    return {
      valid: false,
      entries: sorted.length,
      firstBroken: {
        seq: last.seq,
        reason: 'head-mismatch',
        detail: `the work order records ${expectedLength} entries ending in another hash: later entries were removed or replaced`,
      },
    };
  }
  return { valid: true, entries: sorted.length };
}
