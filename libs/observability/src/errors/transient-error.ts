/**
 * Errors that are the infrastructure's fault, not the message's: a consumer retries them without
 * limit (with backoff) and never dead-letters a message because of them.
 */

/** SQLSTATE codes and classes: connection exceptions, admin/crash shutdown, resource limits, lock conflicts. */
const TRANSIENT_SQLSTATE_CLASSES = ['08', '53', '57P'];
const TRANSIENT_SQLSTATES = new Set(['40001', '40P01', '55P03']);
const TRANSIENT_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
]);
const TRANSIENT_MESSAGES = [
  /connection terminated/i,
  /terminating connection/i,
  /connection timeout/i,
  /timeout exceeded when trying to connect/i,
  /client has encountered a connection error/i,
  /client was closed and is not queryable/i,
  /cannot use a pool after calling end/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /server closed the connection unexpectedly/i,
];

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  name?: unknown;
  retriable?: unknown;
  driverError?: unknown;
  cause?: unknown;
}

function isTransientOne(error: ErrorLike): boolean {
  const code = typeof error.code === 'string' ? error.code : undefined;
  if (code) {
    if (TRANSIENT_NODE_CODES.has(code) || TRANSIENT_SQLSTATES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code) && TRANSIENT_SQLSTATE_CLASSES.some((prefix) => code.startsWith(prefix))) return true;
  }
  if (typeof error.name === 'string' && error.name.startsWith('KafkaJS') && error.retriable === true) return true;
  const message = typeof error.message === 'string' ? error.message : '';
  return TRANSIENT_MESSAGES.some((pattern) => pattern.test(message));
}

/** Looks through TypeORM's `driverError` and `cause` chains (bounded depth). */
export function isTransientInfrastructureError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current !== null && typeof current === 'object'; depth++) {
    const candidate = current as ErrorLike;
    if (isTransientOne(candidate)) return true;
    current = candidate.driverError ?? candidate.cause;
  }
  return false;
}

/** Short, single-line text of an error for logs and dlq_error headers. */
export function describeError(error: unknown, maxLength = 2000): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
