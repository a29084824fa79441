export { RateLimit } from './rate-limit.decorator';
export { RATE_LIMIT_KEY, RateLimitGuard } from './rate-limit.guard';
export { bodyField } from './rate-limit-rule';
export type { RateLimitKeyKind, RateLimitRule } from './rate-limit-rule';
export { RateLimiterRegistry, REDIS_LIMIT_TIMEOUT_MS } from './rate-limiter-registry';
export type { LimiterSpec } from './rate-limiter-registry';
