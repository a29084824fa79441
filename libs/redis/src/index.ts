export { createRedisClient, InjectRedis, REDIS, RedisModule } from './redis.module';
export type { RedisSettings } from './redis.module';
