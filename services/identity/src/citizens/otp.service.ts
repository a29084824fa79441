import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@legal/http';
import { PiiProtector } from '@legal/privacy';
import { randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { IdentityEnv } from '../config/identity.env';
import { invalidGrant } from '../oauth/oauth-errors';
import { OtpChallenge } from './entities/otp-challenge.entity';
import { SMS_SENDER, SmsSender } from './sms/sms-sender';

type Outcome = { ok: true } | { ok: false; code: 'otp-invalid' | 'otp-expired'; detail: string };

/**
 * One-time sign-in codes: 6 random digits, stored as a keyed hash bound to the challenge, valid for
 * IDENTITY_OTP_TTL_SECONDS, void after IDENTITY_OTP_MAX_ATTEMPTS wrong guesses, usable once; a new
 * code replaces the previous one for that number.
 */
@Injectable()
export class OtpService {
  private readonly logger = new Logger(OtpService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pii: PiiProtector,
    private readonly env: IdentityEnv,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
  ) {}

  async send(phone: string): Promise<{ expiresInSeconds: number }> {
    const phoneHash = this.pii.hash(phone);
    const id = randomUUID();
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresInSeconds = this.env.IDENTITY_OTP_TTL_SECONDS;
    await this.dataSource.transaction(async (manager) => {
      await manager.update(OtpChallenge, { phoneHash, closedAt: IsNull() }, { closedAt: new Date() });
      await manager.insert(OtpChallenge, {
        id,
        phoneHash,
        codeHash: this.codeHash(id, code),
        expiresAt: new Date(Date.now() + expiresInSeconds * 1000),
        attempts: 0,
        maxAttempts: this.env.IDENTITY_OTP_MAX_ATTEMPTS,
        closedAt: null,
      });
    });
    try {
      await this.sms.sendOneTimeCode({ phone, code, expiresInSeconds });
    } catch (e) {
      await this.dataSource.getRepository(OtpChallenge).update({ id }, { closedAt: new Date() });
      this.logger.error({ err: e, challengeId: id }, 'one-time code could not be sent');
      throw new DomainError(
        'sms-unavailable',
        'The code could not be sent; try again later',
        HttpStatus.SERVICE_UNAVAILABLE,
      );
    }
    return { expiresInSeconds };
  }

  /** Checks the latest open code for the number; throws invalid_grant problems when it does not match. */
  async verify(phone: string, code: string): Promise<void> {
    const phoneHash = this.pii.hash(phone);
    const outcome = await this.dataSource.transaction(async (manager): Promise<Outcome> => {
      const challenge = await manager.findOne(OtpChallenge, {
        where: { phoneHash, closedAt: IsNull() },
        order: { createdAt: 'DESC' },
        lock: { mode: 'pessimistic_write' },
      });
      if (!challenge)
        return { ok: false, code: 'otp-expired', detail: 'There is no valid code for this number: request a new one' };
      const now = new Date();
      if (challenge.expiresAt <= now) {
        await manager.update(OtpChallenge, { id: challenge.id }, { closedAt: now });
        return { ok: false, code: 'otp-expired', detail: 'The code has expired: request a new one' };
      }
      if (!this.matches(challenge, code)) {
        const attempts = challenge.attempts + 1;
        const exhausted = attempts >= challenge.maxAttempts;
        await manager.update(OtpChallenge, { id: challenge.id }, { attempts, closedAt: exhausted ? now : null });
        return exhausted
          ? { ok: false, code: 'otp-expired', detail: 'Too many wrong codes: request a new one' }
          : {
              ok: false,
              code: 'otp-invalid',
              detail: `The code is not correct (${challenge.maxAttempts - attempts} tries left)`,
            };
      }
      await manager.update(OtpChallenge, { id: challenge.id }, { closedAt: now });
      return { ok: true };
    });
    if (!outcome.ok) throw invalidGrant(outcome.detail, outcome.code);
  }

  private codeHash(challengeId: string, code: string): string {
    return this.pii.hash(`otp:${challengeId}:${code}`);
  }

  private matches(challenge: OtpChallenge, code: string): boolean {
    const expected = Buffer.from(challenge.codeHash, 'hex');
    const actual = Buffer.from(this.codeHash(challenge.id, code), 'hex');
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
}
