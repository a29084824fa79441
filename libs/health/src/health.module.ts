import { Global, Inject, Module, OnModuleInit } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { KAFKA } from '@legal/messaging';
import { REDIS } from '@legal/redis';
import Redis from 'ioredis';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { HealthController } from './health.controller';
import { HealthRegistry } from './health.registry';
import { checkKafka, checkPostgres, checkRedis } from './infrastructure-checks';

@Global()
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json', gracefulShutdownTimeoutMs: 0 })],
  controllers: [HealthController],
  providers: [HealthRegistry],
  exports: [HealthRegistry],
})
export class HealthModule implements OnModuleInit {
  constructor(
    private readonly registry: HealthRegistry,
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(KAFKA) private readonly kafka: Kafka,
  ) {}

  onModuleInit(): void {
    this.registry.register('postgres', () => checkPostgres(this.dataSource));
    this.registry.register('redis', () => checkRedis(this.redis));
    this.registry.register('kafka', () => checkKafka(this.kafka));
  }
}
