/**
 * Outcome of parsing or validating untrusted input. Failure carries a stable machine code (`reason`, for
 * callers and for problem+json field errors) and a sentence a clerk can read out (`message`).
 */
export type Result<T, R extends string = string> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: R; readonly message: string };

export function success<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function failure<R extends string>(
  reason: R,
  message: string,
): { readonly ok: false; readonly reason: R; readonly message: string } {
  return { ok: false, reason, message };
}
