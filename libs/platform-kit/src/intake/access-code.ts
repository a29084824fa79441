import type { PiiProtector } from '@legal/privacy';
import { randomInt } from 'node:crypto';

/**
 * The citizen's tracking secret (查询码): given once when a request is taken (web form answer, told on
 * the call, printed at the counter), required with the case code to track, evaluate or complain
 * without an account. Ten characters of an alphabet without look-alikes (no 0/O, 1/I/L) — 31^10 ≈
 * 2^49 — so it cannot be walked like the sequential case codes. Stored and carried only as a keyed
 * hash (domain-separated from the phone and ID-card hashes).
 */
export const ACCESS_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const ACCESS_CODE_LENGTH = 10;

/** A new random access code, grouped for reading aloud: `K7QM4-X2PRT`. */
export function newAccessCode(): string {
  let code = '';
  for (let i = 0; i < ACCESS_CODE_LENGTH; i += 1) code += ACCESS_CODE_ALPHABET[randomInt(ACCESS_CODE_ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** What the citizen typed → the canonical code (upper case, no spaces or dashes), or undefined when it cannot be one. */
export function normalizeAccessCode(input: string | undefined): string | undefined {
  if (typeof input !== 'string') return undefined;
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== ACCESS_CODE_LENGTH) return undefined;
  for (const ch of code) if (!ACCESS_CODE_ALPHABET.includes(ch)) return undefined;
  return code;
}

/** Keyed hash of a (normalised) access code, as IntakeSubmitted and WorkOrderChanged carry it. */
export function accessCodeHash(pii: Pick<PiiProtector, 'hash'>, code: string): string {
  const normalized = normalizeAccessCode(code);
  if (!normalized) throw new Error('not an access code');
  return pii.hash(`access-code:${normalized}`);
}
