import { Algorithm, hash, verify } from '@node-rs/argon2';

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. */
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/**
 * argon2id password and client-secret hashing. Verifying against an unknown account still costs one
 * hash computation, so response times do not reveal which accounts exist.
 */
export class PasswordHasher {
  private dummy: Promise<string> | undefined;

  hash(secret: string): Promise<string> {
    return hash(secret, OPTIONS);
  }

  async verify(hashed: string | undefined, secret: string): Promise<boolean> {
    if (hashed === undefined) {
      this.dummy ??= hash('not-a-real-secret-but-takes-as-long', OPTIONS);
      await verify(await this.dummy, secret).catch(() => false);
      return false;
    }
    return verify(hashed, secret).catch(() => false);
  }
}
