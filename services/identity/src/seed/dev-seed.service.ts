import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConflictError } from '@legal/http';
import { IdentityEnv, shouldSeedDevUsers } from '../config/identity.env';
import { PartnerClientService } from '../partners/partner-client.service';
import { StaffService } from '../staff/staff.service';
import { DEV_PARTNER, DEV_PARTNER_SECRET, DEV_STAFF, DEV_STAFF_PASSWORD } from './dev-accounts';

/**
 * Development accounts with known credentials (SEED_DEV_USERS; default on in development only).
 * Existing accounts are left alone, so restarting never resets a changed password.
 */
@Injectable()
export class DevSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DevSeedService.name);

  constructor(
    private readonly env: IdentityEnv,
    private readonly staff: StaffService,
    private readonly partners: PartnerClientService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!shouldSeedDevUsers(this.env)) return;
    if (this.env.NODE_ENV === 'production') {
      throw new Error('SEED_DEV_USERS=true is refused in production: development accounts have published passwords');
    }
    const existing = new Set((await this.staff.list()).map((u) => u.username));
    let created = 0;
    for (const account of DEV_STAFF.filter((a) => !existing.has(a.username))) {
      created += await this.ignoringConflict(() => this.staff.create({ ...account, password: DEV_STAFF_PASSWORD }));
    }
    const partnerExists = (await this.partners.list()).some((c) => c.clientId === DEV_PARTNER.clientId);
    if (!partnerExists)
      created += await this.ignoringConflict(() => this.partners.create(DEV_PARTNER, DEV_PARTNER_SECRET));
    if (created > 0)
      this.logger.warn(
        `created ${created} development account(s) with published credentials (see services/identity/README.md)`,
      );
  }

  /** Another instance seeding at the same moment is fine. */
  private async ignoringConflict(create: () => Promise<unknown>): Promise<number> {
    try {
      await create();
      return 1;
    } catch (e) {
      if (e instanceof ConflictError) return 0;
      throw e;
    }
  }
}
