import { Injectable } from '@nestjs/common';
import { RateLimiterRegistry } from '@legal/rate-limit';
import { createHash } from 'node:crypto';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { IdentityEnv } from '../config/identity.env';

/**
 * Counts failed staff passwords per user name in Redis (shared by every instance) and locks the
 * name for IDENTITY_SIGN_IN_LOCK_SECONDS after IDENTITY_SIGN_IN_MAX_FAILURES failures within the
 * window. Names that do not exist lock the same way, so the lock reveals nothing.
 */
@Injectable()
export class SignInLockoutService {
  private readonly failures: RateLimiterAbstract;

  constructor(
    registry: RateLimiterRegistry,
    private readonly env: IdentityEnv,
  ) {
    this.failures = registry.limiter({
      keyPrefix: 'sign-in-failures',
      points: env.IDENTITY_SIGN_IN_MAX_FAILURES,
      durationSeconds: env.IDENTITY_SIGN_IN_FAILURE_WINDOW_SECONDS,
    });
  }

  /** Seconds the name stays locked, or 0. */
  async lockedFor(username: string): Promise<number> {
    const state = await this.failures.get(this.key(username));
    if (!state || state.consumedPoints < this.env.IDENTITY_SIGN_IN_MAX_FAILURES) return 0;
    return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  }

  /** Records a failure; returns the lock in seconds when this failure locked the name, else 0. */
  async recordFailure(username: string): Promise<number> {
    const key = this.key(username);
    const state = await this.failures.penalty(key, 1);
    if (state.consumedPoints < this.env.IDENTITY_SIGN_IN_MAX_FAILURES) return 0;
    await this.failures.block(key, this.env.IDENTITY_SIGN_IN_LOCK_SECONDS);
    return this.env.IDENTITY_SIGN_IN_LOCK_SECONDS;
  }

  async clear(username: string): Promise<void> {
    await this.failures.delete(this.key(username));
  }

  private key(username: string): string {
    return createHash('sha256').update(username.trim().toLowerCase(), 'utf8').digest('base64url').slice(0, 22);
  }
}
