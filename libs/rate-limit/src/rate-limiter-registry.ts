import { Injectable } from '@nestjs/common';
import { InjectRedis } from '@legal/redis';
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';

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
 * Every limiter is insured: when Redis cannot answer (down, reconnecting, a command fails) the same
 * call goes to an in-memory limiter with the same points, window and block, so a Redis outage never
 * lifts a limit. During an outage each instance counts on its own (N instances allow up to N times
 * the points); counts return to the shared Redis ones once Redis is back.
 */
@Injectable()
export class RateLimiterRegistry {
  private readonly limiters = new Map<string, RateLimiterRedis>();

  constructor(@InjectRedis() private readonly redis: Redis) {}

  limiter(spec: LimiterSpec): RateLimiterRedis {
    const id = `${spec.keyPrefix}|${spec.points}|${spec.durationSeconds}|${spec.blockSeconds ?? 0}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      const shape = { keyPrefix: `rl:${spec.keyPrefix}`, points: spec.points, duration: spec.durationSeconds, blockDuration: spec.blockSeconds ?? 0 };
      limiter = new RateLimiterRedis({
        ...shape,
        storeClient: this.redis,
        // Fail fast when Redis is down instead of queueing behind the reconnect: the insurance answers.
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory(shape),
      });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }
}
