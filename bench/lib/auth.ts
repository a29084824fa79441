import type { Role } from '@legal/auth';
import { TestAuthority } from '@legal/testing';

export interface StaffIdentity {
  roles: Role[];
  org?: string;
  region?: string;
}

/**
 * The bench's token issuer: every service of the run trusts it (`env`), and it hands out bearer
 * headers for staff roles, signed once and cached for the run (tokens live an hour).
 */
export class BenchAuth {
  private readonly cache = new Map<string, string>();

  private constructor(private readonly authority: TestAuthority) {}

  static async create(): Promise<BenchAuth> {
    return new BenchAuth(await TestAuthority.create());
  }

  get env(): Record<string, string> {
    return this.authority.env;
  }

  async bearer(identity: StaffIdentity, subject = `bench-${identity.roles.join('+')}`): Promise<string> {
    const key = JSON.stringify([identity, subject]);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const header = await this.authority.bearer({ ...identity, sub: subject, expiresIn: 3600 });
    this.cache.set(key, header);
    return header;
  }
}
