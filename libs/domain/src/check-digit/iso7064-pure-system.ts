/**
 * ISO/IEC 7064 pure check-character systems with a single check character (MOD 11-2, MOD 37-2).
 *
 * A string a_n … a_1 (a_1 = check character) is valid when Σ a_i · r^(i-1) ≡ 1 (mod M).
 * With M prime and r a primitive element, every single substitution changes the sum by
 * (a - a') · r^k ≢ 0 and every adjacent transposition by (a - b) · r^k · (r - 1) ≢ 0 (mod M),
 * because every factor is non-zero and smaller than M. Both systems here have prime M (11, 37).
 */
export interface PureSystem {
  /** Characters in value order: alphabet[v] is the character for value v; length = modulus. */
  readonly alphabet: string;
  readonly radix: number;
}

export const ISO7064_MOD_11_2: PureSystem = { alphabet: '0123456789X', radix: 2 };
export const ISO7064_MOD_37_2: PureSystem = {
  alphabet: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*',
  radix: 2,
};

function valueOf(system: PureSystem, char: string): number {
  const value = system.alphabet.indexOf(char);
  if (value < 0 || char.length !== 1) {
    throw new RangeError(`'${char}' is not in the check alphabet ${system.alphabet}`);
  }
  return value;
}

/** Σ a_i · r^(i-1) mod M over all characters, by Horner's rule (left to right). */
export function pureSystemChecksum(system: PureSystem, text: string): number {
  const modulus = system.alphabet.length;
  let sum = 0;
  for (const char of text) sum = (sum * system.radix + valueOf(system, char)) % modulus;
  return sum;
}

/** The check character to append to `body` so that the whole string verifies. */
export function pureSystemCheckCharacter(system: PureSystem, body: string): string {
  const modulus = system.alphabet.length;
  const shifted = (pureSystemChecksum(system, body) * system.radix) % modulus;
  return system.alphabet.charAt((1 - shifted + modulus) % modulus);
}

/** True when `text` (body followed by its check character) verifies; false for foreign characters. */
export function pureSystemVerify(system: PureSystem, text: string): boolean {
  if (text.length < 2) return false;
  for (const char of text) if (!system.alphabet.includes(char)) return false;
  return pureSystemChecksum(system, text) === 1;
}
