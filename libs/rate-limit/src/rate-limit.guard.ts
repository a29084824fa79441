import { CanActivate, ExecutionContext, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { BaseEnv } from '@legal/config';
import { DomainError } from '@legal/http';
import { InjectRedis } from '@legal/redis';
import type { Request } from 'express';
import type Redis from 'ioredis';
import { createHmac } from 'node:crypto';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { ClientAddresses } from './client-address';
import type { RateLimitRule } from './rate-limit-rule';
import { RateLimiterRegistry } from './rate-limiter-registry';

export const RATE_LIMIT_KEY = 'legal:rateLimit';

/**
 * Accounts (phone numbers, user names) never appear in Redis keys in clear, nor as a plain hash:
 * a mobile number has only ~10^10 values, so an unkeyed SHA-256 is reversed by trying them all.
 * The key is the deployment's PII_HASH_KEY, which no partner holds.
 */
function digest(key: string, value: string): string {
  return createHmac('sha256', key).update(`rate-limit:${value}`, 'utf8').digest('base64url').slice(0, 22);
}

function subjectOf(req: Request): string | undefined {
  const user = (req as Request & { user?: { subject?: string } }).user;
  return user?.subject;
}

/**
 * Applies the `@RateLimit(...)` rules of a route. It runs after the global AuthGuard, so
 * `account` defaults to the authenticated subject. When Redis cannot answer, every limiter falls
 * back to its in-memory insurance (per instance, see RateLimiterRegistry), so the limit still holds;
 * only if that too fails is the request let through (and a warning logged).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly logger = new Logger(RateLimitGuard.name);
  private readonly registry: RateLimiterRegistry;
  private readonly clients = new ClientAddresses();

  constructor(
    private readonly reflector: Reflector,
    @InjectRedis() redis: Redis,
    private readonly env: BaseEnv,
  ) {
    this.registry = new RateLimiterRegistry(redis);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rules = this.reflector.getAllAndOverride<RateLimitRule[] | undefined>(RATE_LIMIT_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rules?.length) return true;
    const req = context.switchToHttp().getRequest<Request>();
    // Resolved once per request, not once per rule (each req.ip read parses the addresses again).
    const ip = this.clients.of(req);
    let retryAfterMs = 0;
    for (const rule of rules) {
      const key = this.keyFor(rule, req, ip);
      if (key === undefined) continue;
      try {
        await this.registry.limiter(rule).consume(key, 1);
      } catch (e) {
        if (e instanceof RateLimiterRes) retryAfterMs = Math.max(retryAfterMs, e.msBeforeNext);
        else this.logger.warn({ err: e, rule: rule.keyPrefix }, 'rate limiter unavailable; request let through');
      }
    }
    if (retryAfterMs > 0) {
      const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
      throw new DomainError(
        'rate-limited',
        `Too many requests; try again in ${retryAfterSeconds} s`,
        HttpStatus.TOO_MANY_REQUESTS,
        undefined,
        {
          retryAfterSeconds,
        },
      );
    }
    return true;
  }

  private keyFor(rule: RateLimitRule, req: Request, ip: string): string | undefined {
    if (rule.by === 'ip') return `ip:${ip}`;
    const account = rule.account ? rule.account(req) : subjectOf(req);
    if (account === undefined) return undefined;
    const hashed = digest(this.env.PII_HASH_KEY, account);
    return rule.by === 'account' ? `acct:${hashed}` : `ip:${ip}|acct:${hashed}`;
  }
}
