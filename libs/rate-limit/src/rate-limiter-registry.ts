import { Injectable } from '@nestjs/common';
import { InjectRedis } from '@legal/redis';
import type Redis from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RLWrapperTimeouts } from 'rate-limiter-flexible';

/** Longest a limiter waits for Redis before counting in memory instead (a counter update takes ~1 ms). */
export const REDIS_LIMIT_TIMEOUT_MS = 500;

export interface LimiterSpec {
  keyPrefix: string;
  points: number;
  durationSeconds: number;
  blockSeconds?: number;
}

/**
 * Redis-backed limiters (rate-limiter-flexible, atomic Lua increment) on the service's own ioredis
 * client, so keys carry the service's prefix and several instances share one count. One limiter per
 * spec, created on first use. Services may inject it for limits that are not per route (lockouts).
 *
 * Every limiter is insured: when Redis cannot answer (down, reconnecting, a command fails, or no answer
 * within REDIS_LIMIT_TIMEOUT_MS: a hung or partitioned server) the same call goes to an in-memory
 * limiter with the same points, window and block, so a Redis outage never lifts a limit nor stalls a request. During an outage each instance counts on its own (N instances allow up to N times
 * the points); counts return to the shared Redis ones once Redis is back.
 */
@Injectable()
export class RateLimiterRegistry {
  private readonly limiters = new Map<string, RateLimiterAbstract>();

  constructor(@InjectRedis() private readonly redis: Redis) {}

  limiter(spec: LimiterSpec): RateLimiterAbstract {
    const id = `${spec.keyPrefix}|${spec.points}|${spec.durationSeconds}|${spec.blockSeconds ?? 0}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      const shape = {
        keyPrefix: `rl:${spec.keyPrefix}`,
        points: spec.points,
        duration: spec.durationSeconds,
        blockDuration: spec.blockSeconds ?? 0,
      };
      const inMemory = new RateLimiterMemory(shape);
      const shared = new RateLimiterRedis({
        ...shape,
        storeClient: this.redis,
        // Fail fast when Redis is down instead of queueing behind the reconnect: the insurance answers.
        rejectIfRedisNotReady: true,
        insuranceLimiter: inMemory,
      });
      // A server that accepts commands but never answers is caught by the timeout; same insurance.
      limiter = new RLWrapperTimeouts({
        limiter: shared,
        timeoutMs: REDIS_LIMIT_TIMEOUT_MS,
        blockDuration: shape.blockDuration,
        insuranceLimiter: inMemory,
      });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }
}
