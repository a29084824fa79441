export {
  createKafka,
  DEFAULT_TOPIC_RETENTION,
  defaultKafkaCredentials,
  InjectKafka,
  KAFKA,
  KAFKA_SETTINGS,
  KafkaModule,
} from './kafka.module';
export type { KafkaSettings, TopicRetention } from './kafka.module';

export { MessagingModule } from './messaging.module';
export type { MessagingModuleOptions } from './messaging.module';
export { MessagingRuntime } from './messaging-runtime';
export type { MessagingRuntimeOptions } from './messaging-runtime';
export { messagingEntities, messagingMigrations, outboxChannel } from './messaging-persistence';
export type { AnyEventDefinition } from './event-definition.types';

export { Outbox, OutboxPayloadError } from './outbox/outbox.service';
export { EventSealing } from './sealing/event-sealing';
export { openCloudEvent, sealCloudEvent } from './sealing/seal-cloud-event';
export type { PublishOptions } from './outbox/outbox.service';
export { OutboxMessage } from './outbox/outbox-message.entity';
export { OutboxRelay, DEFAULT_RELAY_OPTIONS } from './outbox/outbox-relay';
export type { OutboxRelayOptions, OutboxRelayParts, RelayStatus } from './outbox/outbox-relay';
export { InboxMessage } from './inbox/inbox-message.entity';
export { MessagingTables1764300000000 } from './migrations/1764300000000-messaging-tables';

export { MessageConsumers } from './consumer/message-consumers';
export type { ConsumerRegistration } from './consumer/consumer-registration';
export { DEFAULT_RUNNER_OPTIONS } from './consumer/consumer-runner';
export type { ConsumerRunnerOptions, RunnerState } from './consumer/consumer-runner';
export { currentConsumedEventId } from './consumer/consumption-context';
export { PreparedStatement } from './prepared-statement';
export { stripDeadLetterHeaders } from './consumer/dead-letter.publisher';

export { decodeCloudEvent, encodeCloudEvent, headersToStrings } from './envelope/cloud-event.codec';
export type { EncodedRecord } from './envelope/cloud-event.codec';
export { backoffDelay } from './retry/backoff';
export type { BackoffPolicy } from './retry/backoff';
export { isTransientInfrastructureError } from '@legal/observability';
export { TopicProvisioner } from './topics/topic-provisioner';
export type { TopicPlan } from './topics/topic-provisioner';
export { MessagingHealth } from './health/messaging-health';
export type { HealthCheckSink, MessagingComponentStatus } from './health/messaging-health';

export { replayDeadLetters, ReplayRefusedError } from './replay/dead-letter-replayer';
export type { RefusedLetter, ReplayOptions, ReplayReport } from './replay/dead-letter-replayer';
export {
  beyondDedupeWindow,
  letterEventTime,
  REPLAY_TARGET_GROUP_HEADER,
  replayTargetAllows,
} from './replay/replay-target';
export type { DedupeWindow } from './replay/replay-target';
export { OutboxQuarantineAdmin } from './outbox/outbox-quarantine';
export type { DiscardedEntry, QuarantineEntry, QuarantineSelector } from './outbox/outbox-quarantine';
export { OutboxQuarantineEntry } from './outbox/outbox-quarantine.entity';
export { OutboxQuarantine1764300000001 } from './migrations/1764300000001-outbox-quarantine';

export { collectEvents, EventCollector, waitForEvent } from './testing/event-collector';
export type { CollectedRecord, KafkaSource } from './testing/event-collector';
export { DEFAULT_INBOX_RETENTION, InboxPurger } from './inbox/inbox-purger';
export type { InboxRetentionOptions } from './inbox/inbox-purger';

export {
  aclKey,
  allServiceAcls,
  instanceGroupPrefix,
  KAFKA_ADMIN_PRINCIPAL,
  KAFKA_BROKER_PRINCIPAL,
  KAFKA_SERVICE_PRINCIPALS,
  partnerAcls,
  partnerPrincipalName,
  serviceAcls,
  serviceOfPrincipal,
  serviceTopics,
  topicsNeededBy,
  userPrincipal,
} from './security/kafka-acls';
export type {
  AclBinding,
  AclOperation,
  AclPattern,
  AclResource,
  KafkaServicePrincipal,
  ServiceTopics,
} from './security/kafka-acls';
export { provisionContractTopics, reconcileAcls, toAclEntry } from './security/kafka-acl-provisioner';
export type { AclReconcileReport } from './security/kafka-acl-provisioner';
export {
  devKafkaPassword,
  KAFKA_SASL_MECHANISM,
  kafkaAdminCredentialsFromEnv,
  kafkaCredentialsFromEnv,
  saslOptions,
} from './security/kafka-credentials';
export type { KafkaCredentials } from './security/kafka-credentials';
