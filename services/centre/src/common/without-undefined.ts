/** Drops keys whose value is undefined, so strict event schemas (additionalProperties: false) see only what was given. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
