import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { RateLimitRule } from './rate-limit-rule';
import { RATE_LIMIT_KEY, RateLimitGuard } from './rate-limit.guard';

/**
 * Limits a route (or every route of a controller) in Redis, shared by all instances:
 * `@RateLimit({ keyPrefix: 'case-lookup', points: 20, durationSeconds: 60, by: 'ip' })`.
 * Several rules may be given (e.g. per IP and per account); each is counted, the strictest wins.
 * Over the limit the caller gets 429 problem+json `rate-limited` with a `Retry-After` header.
 */
export const RateLimit = (...rules: [RateLimitRule, ...RateLimitRule[]]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(RATE_LIMIT_KEY, rules),
    UseGuards(RateLimitGuard),
    ApiResponse({
      status: 429,
      description: 'Too many requests (problem `rate-limited`; see the Retry-After header).',
    }),
  );
