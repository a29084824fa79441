import { DynamicModule, Inject, Logger, Module } from '@nestjs/common';
import { Kafka, logLevel, LogEntry } from 'kafkajs';

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

export function createKafka(settings: KafkaSettings): Kafka {
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
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
