import { DynamicModule, Inject, Logger, Module } from '@nestjs/common';
import { Kafka, logLevel, LogEntry } from 'kafkajs';
import {
  KafkaCredentials,
  kafkaAdminCredentialsFromEnv,
  kafkaCredentialsFromEnv,
  saslOptions,
} from './security/kafka-credentials';

export const KAFKA = Symbol('KAFKA');
export const KAFKA_SETTINGS = Symbol('KAFKA_SETTINGS');
export const InjectKafka = (): ParameterDecorator => Inject(KAFKA);

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  /** Prepended to every topic and group name; lets test runs share one broker. */
  topicPrefix: string;
  /** Partitions for topics created at start-up. */
  partitions: number;
  /** Retention of topics created at start-up (default: 7 days, dead letters kept forever). */
  retention?: TopicRetention;
  /**
   * SASL/SCRAM-SHA-512 principal. Services pass their own (KAFKA_SASL_USERNAME/PASSWORD). Unset: tools and
   * tests use KAFKA_SASL_USERNAME/PASSWORD from the environment, else the admin principal
   * (KAFKA_ADMIN_USERNAME/PASSWORD; development passwords outside production). `null`: no authentication
   * (only to prove the broker refuses it).
   */
  sasl?: KafkaCredentials | null;
}

export interface TopicRetention {
  /** Event topics: how long a consumer may be down and still catch up; the inbox must outlast it. */
  topicMs: number;
  /** Dead-letter topics: -1 keeps letters until someone replays or removes them. */
  deadLetterMs: number;
}

export const DEFAULT_TOPIC_RETENTION: TopicRetention = { topicMs: 7 * 24 * 60 * 60 * 1000, deadLetterMs: -1 };

const LEVELS: Record<number, 'error' | 'warn' | 'log' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'log',
  [logLevel.DEBUG]: 'debug',
};

/** kafkajs logs through Nest's logger (and so through pino) instead of its own console output. */
function logCreator(): (entry: LogEntry) => void {
  const logger = new Logger('kafkajs');
  return ({ level, log }) => {
    const { message, ...rest } = log;
    const method = LEVELS[level] ?? 'log';
    logger[method]({ ...rest, msg: message });
  };
}

/** The principal a client without explicit credentials uses (see `KafkaSettings.sasl`). */
export function defaultKafkaCredentials(env: NodeJS.ProcessEnv = process.env): KafkaCredentials {
  return kafkaCredentialsFromEnv(env) ?? kafkaAdminCredentialsFromEnv(env);
}

export function createKafka(settings: KafkaSettings): Kafka {
  const credentials = settings.sasl === null ? undefined : (settings.sasl ?? defaultKafkaCredentials());
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    ...(credentials ? { sasl: saslOptions(credentials) } : {}),
    connectionTimeout: 3000,
    requestTimeout: 10000,
    logLevel: logLevel.WARN,
    logCreator,
    retry: { initialRetryTime: 300, retries: 8, maxRetryTime: 5000 },
  });
}

@Module({})
export class KafkaModule {
  static forRoot(settings: KafkaSettings): DynamicModule {
    return {
      module: KafkaModule,
      global: true,
      providers: [
        { provide: KAFKA_SETTINGS, useValue: settings },
        { provide: KAFKA, useFactory: () => createKafka(settings) },
      ],
      exports: [KAFKA, KAFKA_SETTINGS],
    };
  }
}
