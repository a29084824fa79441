import { Injectable } from '@nestjs/common';
import { InjectRedis } from '@legal/redis';
import type Redis from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';

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
 */
@Injectable()
export class RateLimiterRegistry {
  private readonly limiters = new Map<string, RateLimiterRedis>();

  constructor(@InjectRedis() private readonly redis: Redis) {}

  limiter(spec: LimiterSpec): RateLimiterRedis {
    const id = `${spec.keyPrefix}|${spec.points}|${spec.durationSeconds}|${spec.blockSeconds ?? 0}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `rl:${spec.keyPrefix}`,
        points: spec.points,
        duration: spec.durationSeconds,
        blockDuration: spec.blockSeconds ?? 0,
        // Fail fast when Redis is down instead of queueing behind the reconnect.
        rejectIfRedisNotReady: true,
      });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }
}
