import { IsString } from 'class-validator';
import { BaseEnv } from './base-env';
import { developmentDefaults, DevelopmentDefault } from './development-default';
import { ConfigError, loadConfig } from './load-config';

class TestEnv extends BaseEnv {
  @IsString()
  EXTRA = 'x';
}

/** These cases are about parsing, not about production secrets: they run as a developer would. */
const DEV = { NODE_ENV: 'development' };

describe('loadConfig', () => {
  it('uses working local defaults when nothing is set', () => {
    const config = loadConfig(TestEnv, { PORT: 3004 }, DEV);
    expect(config.PORT).toBe(3004);
    expect(config.KAFKA_BROKERS).toBe('127.0.0.1:9092');
    expect(config.DB_MIGRATIONS_RUN).toBe(true);
  });

  it('converts numbers and booleans from strings', () => {
    const config = loadConfig(TestEnv, {}, { ...DEV, PORT: '4100', DB_MIGRATIONS_RUN: 'false' });
    expect(config.PORT).toBe(4100);
    expect(config.DB_MIGRATIONS_RUN).toBe(false);
  });

  it('names every bad variable in one message', () => {
    let caught: unknown;
    try {
      loadConfig(TestEnv, {}, { ...DEV, PORT: 'eighty', DATABASE_URL: 'mysql://x', KAFKA_BROKERS: 'nohost' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as ConfigError).message;
    expect(message).toContain('PORT="eighty"');
    expect(message).toContain('DATABASE_URL="mysql://x"');
    expect(message).toContain('KAFKA_BROKERS="nohost"');
    expect((caught as ConfigError).problems).toHaveLength(3);
    expect(message).not.toContain('NODE_ENV');
  });

  it('refuses an inbox retention that does not outlast the topics (a redelivered event would be applied twice)', () => {
    expect(() => loadConfig(TestEnv, {}, { ...DEV, KAFKA_RETENTION_DAYS: '14', INBOX_RETENTION_DAYS: '10' })).toThrow(
      /INBOX_RETENTION_DAYS="10".*must exceed KAFKA_RETENTION_DAYS/,
    );
    const config = loadConfig(
      TestEnv,
      {},
      { ...DEV, KAFKA_RETENTION_DAYS: '14', INBOX_RETENTION_DAYS: '15', KAFKA_DLQ_RETENTION_DAYS: '0' },
    );
    expect(config).toMatchObject({ KAFKA_RETENTION_DAYS: 14, INBOX_RETENTION_DAYS: 15, KAFKA_DLQ_RETENTION_DAYS: 0 });
  });

  it('notices a dead consumer within 10 s by default; refuses sessions out of bounds or with few heartbeats', () => {
    const load = (vars: Record<string, string>): unknown => loadConfig(TestEnv, {}, { ...DEV, ...vars });
    expect(load({})).toMatchObject({ KAFKA_SESSION_TIMEOUT_MS: 10000, KAFKA_HEARTBEAT_INTERVAL_MS: 1000 });
    expect(() => load({ KAFKA_SESSION_TIMEOUT_MS: '3000' })).toThrow(/KAFKA_SESSION_TIMEOUT_MS="3000"/);
    expect(() => load({ KAFKA_SESSION_TIMEOUT_MS: '45000' })).toThrow(/KAFKA_SESSION_TIMEOUT_MS="45000"/);
    expect(() => load({ KAFKA_SESSION_TIMEOUT_MS: '6000', KAFKA_HEARTBEAT_INTERVAL_MS: '3000' })).toThrow(
      /at least 3 x KAFKA_HEARTBEAT_INTERVAL_MS/,
    );
    const tuned = load({ KAFKA_SESSION_TIMEOUT_MS: '6000', KAFKA_HEARTBEAT_INTERVAL_MS: '2000' });
    expect(tuned).toMatchObject({ KAFKA_SESSION_TIMEOUT_MS: 6000, KAFKA_HEARTBEAT_INTERVAL_MS: 2000 });
  });
});

describe('loadConfig in production', () => {
  class SecretEnv extends BaseEnv {
    @DevelopmentDefault()
    @IsString()
    OWN_SECRET = 'published-development-value';
  }
  // A value of its own for every secret (a new @DevelopmentDefault variable must be added here).
  const key = (byte: string): string => Buffer.alloc(32, byte).toString('base64');
  const ownSecrets: Record<string, string> = {
    PII_HASH_KEY: 'a-production-hash-key-of-its-own',
    PII_ENCRYPTION_KEY: 'ab'.repeat(32),
    PII_KEYRING: `prod-2:${key('b')},prod-1:${key('a')}`,
    PII_TRANSIT_KEYS: `prod-1:${Buffer.alloc(32, 'c').toString('base64url')}`,
    PII_TRANSIT_DIRECTORY: JSON.stringify({ 'work-order': `prod-1:${Buffer.alloc(32, 'd').toString('base64url')}` }),
    KAFKA_SASL_PASSWORD: 'a-production-broker-password',
    OWN_SECRET: 'a-production-secret',
  };

  it('knows a production value for every marked variable (so the cases below cover them all)', () => {
    expect(Object.keys(ownSecrets).sort()).toEqual(developmentDefaults(SecretEnv));
  });

  it('is the default when NODE_ENV is unset, so a forgotten variable gets the strict checks', () => {
    expect(loadConfig(SecretEnv, {}, ownSecrets).NODE_ENV).toBe('production');
  });

  it('starts when every secret is set to a value of its own', () => {
    expect(loadConfig(SecretEnv, {}, { NODE_ENV: 'production', ...ownSecrets }).OWN_SECRET).toBe('a-production-secret');
  });

  it('refuses an unset secret and a published development secret, naming each variable', () => {
    let caught: unknown;
    try {
      loadConfig(
        SecretEnv,
        {},
        {
          NODE_ENV: 'production',
          PII_HASH_KEY: 'dev-only-pii-hash-key-change-me',
          OWN_SECRET: 'published-development-value',
        },
      );
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems;
    // Every marked variable is either unset or published here: each is named once.
    expect(problems.map((p) => p.slice(0, p.indexOf('=')))).toEqual(developmentDefaults(SecretEnv));
    expect(problems.find((p) => p.startsWith('PII_HASH_KEY='))).toMatch(/published development value/);
    expect(problems.find((p) => p.startsWith('PII_ENCRYPTION_KEY='))).toMatch(/unset/);
    expect(problems.find((p) => p.startsWith('OWN_SECRET='))).toMatch(/published development value/);
    // The message names the variable, never the secret it was given.
    expect((caught as ConfigError).message).not.toContain('dev-only-pii-hash-key-change-me');
  });

  it('never echoes the value of a malformed secret', () => {
    expect(() =>
      loadConfig(
        SecretEnv,
        {},
        { ...ownSecrets, NODE_ENV: 'production', PII_ENCRYPTION_KEY: 'not-hex-but-a-real-secret' },
      ),
    ).toThrow(/PII_ENCRYPTION_KEY=\(a secret of 25 characters\): PII_ENCRYPTION_KEY must be 64 hex/);
    expect(() =>
      loadConfig(
        SecretEnv,
        {},
        { ...ownSecrets, NODE_ENV: 'production', PII_ENCRYPTION_KEY: 'not-hex-but-a-real-secret' },
      ),
    ).not.toThrow(/not-hex-but/);
  });

  it('keeps the development defaults working in development and test', () => {
    for (const NODE_ENV of ['development', 'test']) {
      expect(loadConfig(SecretEnv, {}, { NODE_ENV }).OWN_SECRET).toBe('published-development-value');
    }
  });

  it('lists the marked variables of a class and of its base class, without leaking a subclass mark upwards', () => {
    expect(developmentDefaults(SecretEnv)).toEqual(
      expect.arrayContaining(['OWN_SECRET', 'PII_ENCRYPTION_KEY', 'PII_HASH_KEY']),
    );
    expect(developmentDefaults(BaseEnv)).not.toContain('OWN_SECRET');
  });
});
