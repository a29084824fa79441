import 'reflect-metadata';
import { loadCliConfig, openServiceDataSource } from '@legal/service-kit';
import { identityService } from './identity.definition';
import { KeyRotation } from './keys/key-rotation';
import { SigningKeyCipher } from './keys/signing-key-cipher';

/**
 * `node dist/services/identity/src/rotate-keys.js`: the scheduled (or emergency) key rotation, the
 * same operation as `POST /admin/keys/rotate`. Running instances pick the new key up within
 * IDENTITY_SIGNING_KEY_CACHE_SECONDS; the old key stays in the JWKS until its tokens expired.
 */
async function main(): Promise<number> {
  const env = loadCliConfig(identityService);
  if (env === 78) return 78;
  const dataSource = await openServiceDataSource(identityService, env, {
    applicationName: 'identity-rotate-keys',
    migrationsRun: true,
    poolSize: 2,
  });
  try {
    const rotation = new KeyRotation(dataSource, new SigningKeyCipher(env.IDENTITY_SIGNING_KEY_SECRET), {
      accessTokenTtlSeconds: env.IDENTITY_ACCESS_TOKEN_TTL_SECONDS,
      signingKeyCacheSeconds: env.IDENTITY_SIGNING_KEY_CACHE_SECONDS,
    });
    await rotation.ensureKeys();
    const result = await rotation.rotate();
    process.stdout.write(
      `identity: signing key ${result.activeKid} is active; next ${result.nextKid}; retired ${result.retiredKid ?? '-'}\n`,
    );
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
