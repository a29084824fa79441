import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';

export const REDIS = Symbol('REDIS');
export const InjectRedis = (): ParameterDecorator => Inject(REDIS);

export interface RedisSettings {
  url: string;
  keyPrefix: string;
  connectionName: string;
}

/** Builds the client every service uses: reconnects forever with capped backoff, never queues forever. */
export function createRedisClient(settings: RedisSettings): Redis {
  return new Redis(settings.url, {
    keyPrefix: settings.keyPrefix,
    connectionName: settings.connectionName,
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
    connectTimeout: 3000,
    retryStrategy: (attempt) => Math.min(200 * attempt, 3000),
    lazyConnect: false,
  });
}

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status === 'end') return;
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Module({})
export class RedisModule {
  static forRoot(settings: RedisSettings): DynamicModule {
    return {
      module: RedisModule,
      global: true,
      providers: [{ provide: REDIS, useFactory: () => createRedisClient(settings) }, RedisCloser],
      exports: [REDIS],
    };
  }
}
