export { createKafka, InjectKafka, KAFKA, KAFKA_SETTINGS, KafkaModule } from './kafka.module';
export type { KafkaSettings } from './kafka.module';
