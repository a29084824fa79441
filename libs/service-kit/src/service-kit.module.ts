import { DynamicModule, Module, Type } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@legal/auth';
import { BaseEnv } from '@legal/config';
import { HealthModule, HealthRegistry } from '@legal/health';
import { ProblemDetailsFilter } from '@legal/http';
import {
  devKafkaPassword,
  KafkaModule,
  messagingEntities,
  messagingMigrations,
  MessagingModule,
} from '@legal/messaging';
import { LoggingModule, MetricsModule } from '@legal/observability';
import { buildDataSourceOptions, ensureDatabaseAndSchema } from '@legal/persistence';
import { PrivacyModule } from '@legal/privacy';
import { RedisModule } from '@legal/redis';
import type { EntitySchema, MixedList } from 'typeorm';
import { CALENDAR_FOLLOWER_SERVICE, CalendarFollower } from './calendar/calendar-follower';

const DAY_MS = 24 * 60 * 60 * 1000;

// TypeORM's option types use Function for class lists.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ClassList = MixedList<Function | string | EntitySchema>;
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type MigrationList = MixedList<Function | string>;

function withMessaging<T>(messaging: readonly T[], own: MixedList<T>): T[] {
  return [...new Set([...messaging, ...(Array.isArray(own) ? own : Object.values(own))])];
}

/**
 * A service's entities and migrations plus the outbox/inbox ones every service has (prepended, so
 * service authors never list them). Used here and by the migration command.
 */
export function withMessagingPersistence(persistence: { entities: ClassList; migrations: MigrationList }): {
  entities: ClassList;
  migrations: MigrationList;
} {
  return {
    entities: withMessaging(messagingEntities, persistence.entities),
    migrations: withMessaging(messagingMigrations, persistence.migrations),
  };
}

export interface ServiceKitOptions<E extends BaseEnv> {
  serviceName: string;
  env: E;
  /** The service's own env class, provided for injection next to BaseEnv. */
  envClass: Type<E>;
  entities: ClassList;
  migrations: MigrationList;
}

/**
 * Everything every service has, wired once: validated config, pino logging with correlation ids,
 * Prometheus metrics, PostgreSQL (own schema, migrations), Redis, Kafka, health, problem+json.
 */
@Module({})
export class ServiceKitModule {
  static forRoot<E extends BaseEnv>(options: ServiceKitOptions<E>): DynamicModule {
    const { env, serviceName } = options;
    // Each service is its own Kafka principal (its name unless KAFKA_SASL_USERNAME says otherwise, e.g. a
    // rotation twin `portal.v2`); outside production the password defaults to the development one.
    const kafkaUser = env.KAFKA_SASL_USERNAME || serviceName;
    const kafkaPassword = env.KAFKA_SASL_PASSWORD || devKafkaPassword(kafkaUser);
    const configProviders = [
      { provide: BaseEnv, useValue: env },
      ...(options.envClass === (BaseEnv as unknown) ? [] : [{ provide: options.envClass, useValue: env }]),
    ];
    return {
      module: ServiceKitModule,
      global: true,
      imports: [
        LoggingModule.forRoot({ serviceName, level: env.LOG_LEVEL, pretty: env.LOG_PRETTY }),
        MetricsModule.forRoot(serviceName),
        RedisModule.forRoot({ url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX, connectionName: serviceName }),
        KafkaModule.forRoot({
          brokers: env.KAFKA_BROKERS.split(','),
          clientId: serviceName,
          topicPrefix: env.KAFKA_TOPIC_PREFIX,
          partitions: env.KAFKA_PARTITIONS,
          sasl: { username: kafkaUser, password: kafkaPassword },
          retention: {
            topicMs: env.KAFKA_RETENTION_DAYS * DAY_MS,
            deadLetterMs: env.KAFKA_DLQ_RETENTION_DAYS === 0 ? -1 : env.KAFKA_DLQ_RETENTION_DAYS * DAY_MS,
          },
        }),
        TypeOrmModule.forRootAsync({
          useFactory: async () => {
            await ensureDatabaseAndSchema(env.DATABASE_URL, env.DB_SCHEMA);
            return buildDataSourceOptions({
              databaseUrl: env.DATABASE_URL,
              schema: env.DB_SCHEMA,
              poolSize: env.DB_POOL_SIZE,
              connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
              applicationName: serviceName,
              ...withMessagingPersistence(options),
              migrationsRun: env.DB_MIGRATIONS_RUN,
            });
          },
        }),
        HealthModule,
        MessagingModule.forRoot({
          serviceName,
          healthRegistry: HealthRegistry,
          inbox: { retentionMs: env.INBOX_RETENTION_DAYS * DAY_MS },
          relay: { maxAttempts: env.OUTBOX_MAX_ATTEMPTS },
          consumers: {
            sessionTimeout: env.KAFKA_SESSION_TIMEOUT_MS,
            heartbeatInterval: env.KAFKA_HEARTBEAT_INTERVAL_MS,
          },
          // HTTP answers at once after a restart; consumers join in the background (readiness shows them joining).
          startupWaitMs: 0,
        }),
        PrivacyModule.forRoot({ serviceName }),
        AuthModule.forRoot({
          issuer: env.AUTH_ISSUER,
          audience: env.AUTH_AUDIENCE,
          jwksUrl: env.AUTH_JWKS_URL,
          jwksJson: env.AUTH_JWKS_JSON,
          jwksCacheSeconds: env.AUTH_JWKS_CACHE_SECONDS,
          jwksTimeoutMs: env.AUTH_JWKS_TIMEOUT_MS,
          jwksRetiredKeyGraceSeconds: env.AUTH_JWKS_RETIRED_KEY_GRACE_SECONDS,
        }),
      ],
      providers: [
        ...configProviders,
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: CALENDAR_FOLLOWER_SERVICE, useValue: serviceName },
        CalendarFollower,
      ],
      exports: [...configProviders.map((p) => p.provide), CalendarFollower],
    };
  }
}
