import { calculateJwkThumbprint, exportJWK, generateKeyPair, JWK } from 'jose';
import { DataSource, EntityManager, In, LessThan } from 'typeorm';
import { SigningKey } from './entities/signing-key.entity';
import { SigningKeyCipher } from './signing-key-cipher';

export const SIGNING_ALG = 'ES256';

export interface RotationPolicy {
  accessTokenTtlSeconds: number;
  /** How long another instance may keep signing with a key it cached before a rotation. */
  signingKeyCacheSeconds: number;
}

export interface RotationResult {
  activeKid: string;
  nextKid: string;
  retiredKid: string | undefined;
}

/** Retired keys unpublished for this long are deleted at the next rotation. */
const RETIRED_KEY_RETENTION_MS = 7 * 24 * 3600 * 1000;
const CLOCK_SKEW_MS = 60_000;

/**
 * The key life cycle, usable from the service and from the `rotate-keys` command:
 * there is always one `active` key (signs) and one `next` key (already published, so every verifier
 * has it before it signs anything). Rotation retires `active` (published until its last token
 * expires), promotes `next`, and creates a new `next`. Serialised by a transaction-scoped advisory lock.
 */
export class KeyRotation {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: SigningKeyCipher,
    private readonly policy: RotationPolicy,
  ) {}

  /** Creates the active and next keys if missing (first start, or after an emergency purge). */
  async ensureKeys(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.lock(manager);
      const keys = await manager.find(SigningKey, { where: { status: In(['active', 'next']) } });
      let active = keys.find((k) => k.status === 'active');
      let next = keys.find((k) => k.status === 'next');
      if (!active && next) {
        await this.promote(manager, next);
        active = next;
        next = undefined;
      }
      if (!active) await this.createKey(manager, 'active');
      if (!next) await this.createKey(manager, 'next');
    });
  }

  async rotate(): Promise<RotationResult> {
    return this.dataSource.transaction(async (manager) => {
      await this.lock(manager);
      const now = new Date();
      const keys = await manager.find(SigningKey, { where: { status: In(['active', 'next']) } });
      const active = keys.find((k) => k.status === 'active');
      const next = keys.find((k) => k.status === 'next') ?? (await this.createKey(manager, 'next'));
      if (active) {
        const publishFor =
          (this.policy.accessTokenTtlSeconds + this.policy.signingKeyCacheSeconds) * 1000 + CLOCK_SKEW_MS;
        await manager.update(
          SigningKey,
          { kid: active.kid },
          { status: 'retired', retiredAt: now, publishUntil: new Date(now.getTime() + publishFor) },
        );
      }
      await this.promote(manager, next);
      const newNext = await this.createKey(manager, 'next');
      await manager.delete(SigningKey, {
        status: 'retired',
        publishUntil: LessThan(new Date(now.getTime() - RETIRED_KEY_RETENTION_MS)),
      });
      return { activeKid: next.kid, nextKid: newNext.kid, retiredKid: active?.kid };
    });
  }

  private async lock(manager: EntityManager): Promise<void> {
    const schema = (this.dataSource.options as { schema?: string }).schema ?? 'public';
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${schema}:signing-key-rotation`]);
  }

  private async promote(manager: EntityManager, key: SigningKey): Promise<void> {
    await manager.update(SigningKey, { kid: key.kid }, { status: 'active', activatedAt: new Date() });
  }

  private async createKey(manager: EntityManager, status: 'active' | 'next'): Promise<SigningKey> {
    const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
    const publicJwk: JWK = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(publicJwk);
    const privateJwk = await exportJWK(privateKey);
    const key = manager.create(SigningKey, {
      kid,
      alg: SIGNING_ALG,
      status,
      publicJwk: { ...publicJwk, kid, alg: SIGNING_ALG, use: 'sig' },
      privateKeySealed: this.cipher.seal(kid, JSON.stringify(privateJwk)),
      activatedAt: status === 'active' ? new Date() : null,
      retiredAt: null,
      publishUntil: null,
    });
    return manager.save(key);
  }
}
