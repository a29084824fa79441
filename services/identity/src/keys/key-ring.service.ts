import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { TokenVerifier } from '@legal/auth';
import { importJWK, JWK, JWTHeaderParameters, CryptoKey } from 'jose';
import { DataSource, In, MoreThan } from 'typeorm';
import { IdentityEnv } from '../config/identity.env';
import { SigningKey } from './entities/signing-key.entity';
import { KeyRotation, RotationResult, SIGNING_ALG } from './key-rotation';
import { SigningKeyCipher } from './signing-key-cipher';

interface Signer {
  kid: string;
  key: CryptoKey;
}

interface Published {
  jwks: JWK[];
  byKid: Map<string, JWK>;
  loadedAt: number;
}

const UNKNOWN_KID_RELOAD_MS = 1000;

/**
 * The issuer's keys as this instance sees them: the active key for signing, and the published public
 * keys for the JWKS and for verifying its own tokens locally. Both are cached for
 * IDENTITY_SIGNING_KEY_CACHE_SECONDS; a rotation on this instance clears the caches at once.
 */
@Injectable()
export class KeyRingService implements OnModuleInit {
  private readonly logger = new Logger(KeyRingService.name);
  private readonly rotation: KeyRotation;
  private readonly cipher: SigningKeyCipher;
  private signer: { value: Promise<Signer>; loadedAt: number } | undefined;
  private published: Promise<Published> | undefined;
  private readonly imported = new Map<string, Promise<CryptoKey>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly env: IdentityEnv,
    private readonly verifier: TokenVerifier,
  ) {
    this.cipher = new SigningKeyCipher(env.IDENTITY_SIGNING_KEY_SECRET);
    this.rotation = new KeyRotation(dataSource, this.cipher, {
      accessTokenTtlSeconds: env.IDENTITY_ACCESS_TOKEN_TTL_SECONDS,
      signingKeyCacheSeconds: env.IDENTITY_SIGNING_KEY_CACHE_SECONDS,
    });
  }

  async onModuleInit(): Promise<void> {
    await this.rotation.ensureKeys();
    this.verifier.trustLocalKeys((header) => this.localKey(header));
  }

  async currentSigner(): Promise<Signer> {
    const maxAge = this.env.IDENTITY_SIGNING_KEY_CACHE_SECONDS * 1000;
    if (!this.signer || Date.now() - this.signer.loadedAt > maxAge) {
      const value = this.loadSigner();
      this.signer = { value, loadedAt: Date.now() };
      value.catch(() => (this.signer = undefined));
    }
    return this.signer.value;
  }

  /** Public keys every verifier should know: next, active and recently retired. */
  async publishedKeys(): Promise<JWK[]> {
    return (await this.loadPublished(false)).jwks;
  }

  async rotate(): Promise<RotationResult> {
    const result = await this.rotation.rotate();
    this.signer = undefined;
    this.published = undefined;
    this.logger.log(
      { activeKid: result.activeKid, nextKid: result.nextKid, retiredKid: result.retiredKid },
      'signing keys rotated',
    );
    return result;
  }

  async listKeys(): Promise<SigningKey[]> {
    return this.dataSource.getRepository(SigningKey).find({ order: { createdAt: 'DESC' } });
  }

  private async localKey(header: JWTHeaderParameters): Promise<CryptoKey | undefined> {
    if (!header.kid) return undefined;
    let published = await this.loadPublished(false);
    if (!published.byKid.has(header.kid) && Date.now() - published.loadedAt > UNKNOWN_KID_RELOAD_MS)
      published = await this.loadPublished(true);
    const jwk = published.byKid.get(header.kid);
    return jwk ? this.importPublic(jwk) : undefined;
  }

  private importPublic(jwk: JWK): Promise<CryptoKey> {
    const kid = jwk.kid ?? '';
    let key = this.imported.get(kid);
    if (!key) {
      key = importJWK(jwk, SIGNING_ALG) as Promise<CryptoKey>;
      this.imported.set(kid, key);
    }
    return key;
  }

  private async loadSigner(): Promise<Signer> {
    const active = await this.dataSource.getRepository(SigningKey).findOne({ where: { status: 'active' } });
    if (!active) throw new Error('no active signing key');
    const privateJwk = JSON.parse(this.cipher.open(active.kid, active.privateKeySealed)) as JWK;
    return { kid: active.kid, key: (await importJWK(privateJwk, SIGNING_ALG)) as CryptoKey };
  }

  private loadPublished(force: boolean): Promise<Published> {
    const maxAge = this.env.IDENTITY_SIGNING_KEY_CACHE_SECONDS * 1000;
    const current = this.published;
    if (!force && current) {
      return current.then((p) => (Date.now() - p.loadedAt > maxAge ? this.loadPublished(true) : p));
    }
    const loading = this.queryPublished();
    this.published = loading;
    loading.catch(() => (this.published = undefined));
    return loading;
  }

  private async queryPublished(): Promise<Published> {
    const rows = await this.dataSource.getRepository(SigningKey).find({
      where: [{ status: In(['next', 'active']) }, { status: 'retired', publishUntil: MoreThan(new Date()) }],
      order: { createdAt: 'DESC' },
    });
    const jwks = rows.map((r) => r.publicJwk);
    return { jwks, byKid: new Map(jwks.map((j) => [j.kid ?? '', j])), loadedAt: Date.now() };
  }
}
