import { IsString } from 'class-validator';
import { BaseEnv } from './base-env';
import { ConfigError, loadConfig } from './load-config';

class TestEnv extends BaseEnv {
  @IsString()
  EXTRA = 'x';
}

describe('loadConfig', () => {
  it('uses working local defaults when nothing is set', () => {
    const config = loadConfig(TestEnv, { PORT: 3004 }, {});
    expect(config.PORT).toBe(3004);
    expect(config.KAFKA_BROKERS).toBe('127.0.0.1:9092');
    expect(config.DB_MIGRATIONS_RUN).toBe(true);
  });

  it('converts numbers and booleans from strings', () => {
    const config = loadConfig(TestEnv, {}, { PORT: '4100', DB_MIGRATIONS_RUN: 'false' });
    expect(config.PORT).toBe(4100);
    expect(config.DB_MIGRATIONS_RUN).toBe(false);
  });

  it('names every bad variable in one message', () => {
    let caught: unknown;
    try {
      loadConfig(TestEnv, {}, { PORT: 'eighty', DATABASE_URL: 'mysql://x', KAFKA_BROKERS: 'nohost' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as ConfigError).message;
    expect(message).toContain('PORT="eighty"');
    expect(message).toContain('DATABASE_URL="mysql://x"');
    expect(message).toContain('KAFKA_BROKERS="nohost"');
    expect((caught as ConfigError).problems).toHaveLength(3);
  });

  it('refuses an inbox retention that does not outlast the topics (a redelivered event would be applied twice)', () => {
    expect(() => loadConfig(TestEnv, {}, { KAFKA_RETENTION_DAYS: '14', INBOX_RETENTION_DAYS: '10' })).toThrow(/INBOX_RETENTION_DAYS="10".*must exceed KAFKA_RETENTION_DAYS/);
    const config = loadConfig(TestEnv, {}, { KAFKA_RETENTION_DAYS: '14', INBOX_RETENTION_DAYS: '15', KAFKA_DLQ_RETENTION_DAYS: '0' });
    expect(config).toMatchObject({ KAFKA_RETENTION_DAYS: 14, INBOX_RETENTION_DAYS: 15, KAFKA_DLQ_RETENTION_DAYS: 0 });
  });
});
