import type { PiiProtector } from '@legal/privacy';
import { normaliseName } from './name-similarity';

/**
 * A blind index of an applicant's name: keyed hashes (PiiProtector.hash) from which `nameSimilarity`'s
 * score against another indexed name can be computed exactly, so the similar-name search compares hashes
 * in SQL instead of decrypting every same-surname applicant (issue 14). nameSimilarity scores 1 for the
 * same name, 0.8 for one character substituted, 0.7 for one character more or less, else 0 (edit
 * distance 1 or not). With n = the normalised name's characters and name_i = the name without its i-th
 * character, the stored array is
 *   [0]         hash('name:' + name)               the full name
 *   [1..n]      hash('name:' + name_i)             one character less: equals the full-name hash of a
 *                                                  name that is this one with a character missing (0.7)
 *   [n+1..2n]   hash('name-at:' + i + ':' + name_i)  one character substituted at i: two names of the same
 *                                                  length share one exactly when they differ only at i (0.8)
 * An empty array is a name with nothing to compare (nameSimilarity 0); NULL in the column is a work order
 * written before the index existed, whose sealed name is still compared the old way.
 */
export interface NameIndex {
  full: string;
  /** The full-name hashes of the names one character shorter. */
  shorter: ReadonlySet<string>;
  /** The position-keyed hashes of one character substituted. */
  substituted: ReadonlySet<string>;
  /** The stored form, in the order above (what `name_hashes` holds and what `&&` compares). */
  stored: string[];
}

export function nameIndex(pii: PiiProtector, name: string | undefined): NameIndex | null {
  const chars = [...normaliseName(name ?? '')];
  if (chars.length === 0) return null;
  const without = (i: number): string => chars.slice(0, i).join('') + chars.slice(i + 1).join('');
  const full = pii.hash(`name:${chars.join('')}`);
  const shorter = chars.map((_, i) => pii.hash(`name:${without(i)}`));
  const substituted = chars.map((_, i) => pii.hash(`name-at:${i}:${without(i)}`));
  return {
    full,
    shorter: new Set(shorter),
    substituted: new Set(substituted),
    stored: [full, ...shorter, ...substituted],
  };
}

/** What `name_hashes` holds for a name: its index, or an empty array when there is nothing to compare. */
export function storedNameHashes(pii: PiiProtector, name: string | undefined): string[] {
  return nameIndex(pii, name)?.stored ?? [];
}

/**
 * nameSimilarity(mine, theirs) from the two names' indexes alone: the same name 1, one character
 * substituted 0.8, one character more or less 0.7, else 0. `theirs` is a stored array (full-name hash first).
 */
export function indexedNameSimilarity(mine: NameIndex, theirs: readonly string[]): number {
  const [theirFull] = theirs;
  if (theirFull === undefined) return 0;
  if (theirFull === mine.full) return 1;
  if (theirs.some((h) => mine.substituted.has(h))) return 0.8;
  // Their name is mine with a character missing, or mine is theirs with a character missing.
  if (mine.shorter.has(theirFull) || theirs.includes(mine.full)) return 0.7;
  return 0;
}
