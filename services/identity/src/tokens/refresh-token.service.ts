import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { IdentityEnv } from '../config/identity.env';
import { invalidGrant } from '../oauth/oauth-errors';
import { RefreshSubjectKind, RefreshToken } from './entities/refresh-token.entity';

export interface RefreshSubject {
  kind: RefreshSubjectKind;
  id: string;
}

export interface IssuedRefreshToken {
  id: string;
  token: string;
  familyId: string;
}

type Rotation =
  | { ok: true; subject: RefreshSubject; next: IssuedRefreshToken }
  | { ok: false; reason: 'reuse' | 'revoked' | 'expired' | 'unknown' };

function sha256(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Rotating refresh tokens with reuse detection (OAuth 2.0 Security BCP §4.14). */
@Injectable()
export class RefreshTokenService {
  private readonly logger = new Logger(RefreshTokenService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: IdentityEnv,
  ) {}

  /** Starts a new session (family) for a subject. */
  async issue(subject: RefreshSubject): Promise<IssuedRefreshToken> {
    const familyExpiresAt = new Date(Date.now() + this.env.IDENTITY_REFRESH_FAMILY_TTL_SECONDS * 1000);
    return this.insert(this.dataSource.manager, subject, randomUUID(), familyExpiresAt);
  }

  /**
   * Exchanges a refresh token for its successor. A token used before (or revoked) revokes its whole
   * family: whoever holds the newest token loses it too and must sign in again.
   */
  async rotate(token: string): Promise<{ subject: RefreshSubject; next: IssuedRefreshToken }> {
    const tokenHash = sha256(token);
    const rotation = await this.dataSource.transaction(async (manager): Promise<Rotation> => {
      const rows = (await manager
        .createQueryBuilder()
        .update(RefreshToken)
        .set({ usedAt: () => 'now()' })
        .where('token_hash = :tokenHash AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()', {
          tokenHash,
        })
        .returning('*')
        .execute()) as { raw: Record<string, unknown>[] };
      const current = rows.raw[0];
      if (current) {
        const subject: RefreshSubject = {
          kind: current.subject_kind as RefreshSubjectKind,
          id: String(current.subject_id),
        };
        const next = await this.insert(manager, subject, String(current.family_id), current.family_expires_at as Date);
        await manager.update(RefreshToken, { id: String(current.id) }, { replacedById: next.id });
        return { ok: true, subject, next };
      }
      const known = await manager.findOneBy(RefreshToken, { tokenHash });
      if (!known) return { ok: false, reason: 'unknown' };
      if (known.usedAt) {
        await this.revokeFamilyWith(manager, known.familyId, 'reuse-detected');
        return { ok: false, reason: 'reuse' };
      }
      if (known.revokedAt) return { ok: false, reason: 'revoked' };
      return { ok: false, reason: 'expired' };
    });
    if (rotation.ok) return rotation;
    if (rotation.reason === 'reuse') {
      this.logger.warn('refresh token reuse detected: session revoked');
      throw invalidGrant(
        'This refresh token was already used; the session has been revoked: sign in again',
        'refresh-token-reused',
      );
    }
    const details = {
      revoked: 'The session was revoked: sign in again',
      expired: 'The refresh token has expired: sign in again',
      unknown: 'The refresh token is not valid',
    } as const;
    throw invalidGrant(details[rotation.reason]);
  }

  /** RFC 7009 revocation: ends the session the token belongs to. Unknown tokens are ignored. */
  async revoke(token: string): Promise<void> {
    const known = await this.dataSource.getRepository(RefreshToken).findOneBy({ tokenHash: sha256(token) });
    if (known) await this.revokeFamilyWith(this.dataSource.manager, known.familyId, 'revoked-by-client');
  }

  async revokeFamily(familyId: string, reason: string): Promise<void> {
    await this.revokeFamilyWith(this.dataSource.manager, familyId, reason);
  }

  private async revokeFamilyWith(manager: EntityManager, familyId: string, reason: string): Promise<void> {
    await manager.update(
      RefreshToken,
      { familyId, revokedAt: IsNull() },
      { revokedAt: new Date(), revokedReason: reason },
    );
  }

  private async insert(
    manager: EntityManager,
    subject: RefreshSubject,
    familyId: string,
    familyExpiresAt: Date,
  ): Promise<IssuedRefreshToken> {
    const token = `rt_${randomBytes(32).toString('base64url')}`;
    const id = randomUUID();
    const now = new Date();
    const idleExpiry = new Date(now.getTime() + this.env.IDENTITY_REFRESH_TOKEN_TTL_SECONDS * 1000);
    await manager.insert(RefreshToken, {
      id,
      tokenHash: sha256(token),
      familyId,
      subjectKind: subject.kind,
      subjectId: subject.id,
      issuedAt: now,
      expiresAt: idleExpiry < familyExpiresAt ? idleExpiry : familyExpiresAt,
      familyExpiresAt,
      usedAt: null,
      replacedById: null,
      revokedAt: null,
      revokedReason: null,
    });
    return { id, token, familyId };
  }
}
