export { HealthModule } from './health.module';
export { HealthRegistry } from './health.registry';
export type { ComponentCheck, ComponentStatus } from './health.registry';
export { checkKafka, checkPostgres, checkRedis } from './infrastructure-checks';
