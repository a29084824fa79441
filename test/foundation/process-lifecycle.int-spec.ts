import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { uniqueTag } from '@legal/testing';

const root = path.join(__dirname, '..', '..');
const hotlineMain = path.join(root, 'dist', 'services', 'hotline', 'src', 'main.js');
const identityMain = path.join(root, 'dist', 'services', 'identity', 'src', 'main.js');

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The variables a deployment sets; `undefined` removes one inherited from the test runner. */
type Env = Record<string, string | undefined>;

function run(
  env: Env,
  onStdout?: (text: string, kill: (signal: NodeJS.Signals) => void) => void,
  main = hotlineMain,
): Promise<Exit> {
  return new Promise((resolve) => {
    const merged: Env = { ...process.env, LOG_FILE: '', ...env };
    for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name];
    const child = spawn(process.execPath, [main], { env: merged as NodeJS.ProcessEnv, cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      onStdout?.(stdout, (signal) => child.kill(signal));
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs the compiled service as ops would (`npm test` builds first). */
describe('a service process', () => {
  beforeAll(() => {
    if (!existsSync(hotlineMain)) throw new Error(`${hotlineMain} is missing: run npm run build (npm test does)`);
  });

  it('refuses to start on bad configuration, naming each bad variable, with exit code 78', async () => {
    const result = await run({ PORT: 'eighty', KAFKA_BROKERS: 'no-port', DATABASE_URL: 'mysql://nope' });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toContain('PORT="eighty"');
    expect(result.stderr).toContain('KAFKA_BROKERS="no-port"');
    expect(result.stderr).toContain('DATABASE_URL="mysql://nope"');
  }, 30_000);

  it('runs as production when NODE_ENV is unset and then refuses the published development secrets (exit 78, each variable named)', async () => {
    const result = await run({
      NODE_ENV: undefined,
      PII_HASH_KEY: 'dev-only-pii-hash-key-change-me',
      PII_ENCRYPTION_KEY: undefined,
    });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('PII_HASH_KEY=(the published development value)');
    expect(result.stderr).toContain('PII_ENCRYPTION_KEY=(unset)');
    expect(result.stderr).not.toContain('dev-only-pii-hash-key-change-me');
  }, 30_000);

  it('refuses development accounts and the development signing secret in production before touching the database', async () => {
    const result = await run(
      {
        NODE_ENV: 'production',
        PII_HASH_KEY: 'a-production-hash-key-of-its-own',
        PII_ENCRYPTION_KEY: 'ab'.repeat(32),
        SEED_DEV_USERS: 'true',
        IDENTITY_SIGNING_KEY_SECRET: undefined,
        DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
      },
      undefined,
      identityMain,
    );
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('SEED_DEV_USERS');
    expect(result.stderr).toContain('IDENTITY_SIGNING_KEY_SECRET=(unset)');
  }, 30_000);

  it('logs each request with its status code, then shuts down gracefully on SIGTERM with exit code 0', async () => {
    const tag = uniqueTag('sigterm');
    let requested = false;
    let signalled = false;
    const result = await run(
      {
        PORT: '0',
        DB_SCHEMA: `${tag}_hotline`,
        KAFKA_TOPIC_PREFIX: tag,
        REDIS_KEY_PREFIX: `${tag}:`,
        LOG_LEVEL: 'info',
        NODE_ENV: 'test',
      },
      (out, kill) => {
        const url = /listening on (http:\/\/[^\s"()]+)/.exec(out)?.[1];
        if (url && !requested) {
          requested = true;
          void fetch(`${url}/no-such-route`).catch(() => undefined);
        }
        if (!signalled && out.includes('request completed')) {
          signalled = true;
          kill('SIGTERM');
        }
      },
    );
    expect(signalled).toBe(true);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('SIGTERM received: draining');
    const line = result.stdout.split('\n').find((l) => l.includes('"request completed"'));
    const logged = JSON.parse(line ?? '{}') as {
      req?: { method?: string; url?: string };
      res?: { statusCode?: unknown };
    };
    expect(logged.req).toMatchObject({ method: 'GET', url: '/no-such-route' });
    expect(logged.res).toEqual({ statusCode: 404 });
  }, 90_000);
});
