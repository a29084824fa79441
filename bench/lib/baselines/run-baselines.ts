import { BareHttpResult, bareNestHttp } from './bare-http.baseline';
import { KafkaRttResult, kafkaRoundTrip } from './kafka-rtt.baseline';
import { PgCommitResult, pgInsertCommit } from './pg-commit.baseline';

export interface Baselines {
  kafka: KafkaRttResult;
  postgres: PgCommitResult;
  http: BareHttpResult;
}

export interface BaselineSettings {
  brokers: string[];
  databaseUrl: string;
  tag: string;
}

/** The three raw measurements, one after the other so they do not disturb each other. */
export async function runBaselines(settings: BaselineSettings, log: (line: string) => void): Promise<Baselines> {
  log('baseline: kafka produce→consume round trip');
  const kafka = await kafkaRoundTrip(settings.brokers, settings.tag);
  log(`  p50 ${kafka.roundTrip.p50} ms, p99 ${kafka.roundTrip.p99} ms`);
  log('baseline: postgres INSERT + COMMIT');
  const postgres = await pgInsertCommit(settings.databaseUrl, settings.tag);
  log(`  p50 ${postgres.insertCommit.p50} ms, p99 ${postgres.insertCommit.p99} ms`);
  log('baseline: bare NestJS endpoint (express)');
  const http = await bareNestHttp();
  log(
    `  sequential p50 ${http.sequentialPost.p50} ms, p99 ${http.sequentialPost.p99} ms; autocannon c=10 ${http.autocannon.requestsPerSecond} req/s`,
  );
  return { kafka, postgres, http };
}
