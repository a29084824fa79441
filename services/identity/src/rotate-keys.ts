import 'reflect-metadata';
import { ConfigError, loadConfig } from '@legal/config';
import { buildDataSourceOptions, ensureDatabaseAndSchema } from '@legal/persistence';
import { DataSource } from 'typeorm';
import { IdentityEnv } from './config/identity.env';
import { identityService } from './identity.definition';
import { KeyRotation } from './keys/key-rotation';
import { SigningKeyCipher } from './keys/signing-key-cipher';

/**
 * `node dist/services/identity/src/rotate-keys.js`: the scheduled (or emergency) key rotation, the
 * same operation as `POST /admin/keys/rotate`. Running instances pick the new key up within
 * IDENTITY_SIGNING_KEY_CACHE_SECONDS; the old key stays in the JWKS until its tokens expired.
 */
async function main(): Promise<number> {
  let env: IdentityEnv;
  try {
    env = loadConfig(IdentityEnv, identityService.defaults);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`identity: ${e.message}\n`);
      return 78;
    }
    throw e;
  }
  await ensureDatabaseAndSchema(env.DATABASE_URL, env.DB_SCHEMA);
  const dataSource = new DataSource(
    buildDataSourceOptions({
      databaseUrl: env.DATABASE_URL,
      schema: env.DB_SCHEMA,
      poolSize: 2,
      applicationName: 'identity-rotate-keys',
      entities: identityService.persistence.entities,
      migrations: identityService.persistence.migrations,
      migrationsRun: true,
    }),
  );
  await dataSource.initialize();
  try {
    const rotation = new KeyRotation(dataSource, new SigningKeyCipher(env.IDENTITY_SIGNING_KEY_SECRET), {
      accessTokenTtlSeconds: env.IDENTITY_ACCESS_TOKEN_TTL_SECONDS,
      signingKeyCacheSeconds: env.IDENTITY_SIGNING_KEY_CACHE_SECONDS,
    });
    await rotation.ensureKeys();
    const result = await rotation.rotate();
    process.stdout.write(`identity: signing key ${result.activeKid} is active; next ${result.nextKid}; retired ${result.retiredKid ?? '-'}\n`);
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`identity: key rotation failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
