import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ConflictError, NotFoundError } from '@legal/http';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { accountLocked, invalidGrant } from '../oauth/oauth-errors';
import { StaffCreateDto } from './dto/staff-create.dto';
import { StaffResponseDto } from './dto/staff-response.dto';
import { StaffUser } from './entities/staff-user.entity';
import { PasswordHasher } from '../credentials/password-hasher';
import { SignInLockoutService } from './sign-in-lockout.service';

export function toStaffResponse(user: StaffUser): StaffResponseDto {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    organisationId: user.organisationId,
    regionCode: user.regionCode,
    disabled: user.disabled,
    lastSignInAt: user.lastSignInAt ? user.lastSignInAt.toISOString() : null,
    createdAt: user.createdAt.toISOString(),
  };
}

/** Staff accounts: creation by admins, password sign-in with lockout, look-up for token refresh. */
@Injectable()
export class StaffService {
  private readonly logger = new Logger(StaffService.name);

  constructor(
    @InjectRepository(StaffUser) private readonly users: Repository<StaffUser>,
    private readonly hasher: PasswordHasher,
    private readonly lockout: SignInLockoutService,
  ) {}

  async create(dto: StaffCreateDto): Promise<StaffUser> {
    const username = dto.username.toLowerCase();
    const user = this.users.create({
      id: randomUUID(),
      username,
      passwordHash: await this.hasher.hash(dto.password),
      displayName: dto.displayName,
      roles: dto.roles,
      organisationId: dto.organisationId,
      regionCode: dto.regionCode,
      disabled: false,
      lastSignInAt: null,
    });
    const inserted = await this.users.createQueryBuilder().insert().values(user).orIgnore().returning('*').execute();
    if (inserted.raw.length === 0)
      throw new ConflictError('username-taken', `The user name ${username} is already taken`);
    this.logger.log({ staffId: user.id, roles: user.roles }, 'staff account created');
    return this.users.findOneByOrFail({ id: user.id });
  }

  async list(): Promise<StaffUser[]> {
    return this.users.find({ order: { username: 'ASC' } });
  }

  /**
   * Password sign-in. A locked name is refused before the password is looked at; each failure
   * counts (also for names that do not exist); success clears the count.
   */
  async authenticate(usernameInput: string, password: string): Promise<StaffUser> {
    const username = usernameInput.trim().toLowerCase();
    const locked = await this.lockout.lockedFor(username);
    if (locked > 0) throw accountLocked(locked);
    const user = await this.users.findOneBy({ username });
    const valid = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !valid || user.disabled) {
      const lockedNow = await this.lockout.recordFailure(username);
      this.logger.warn({ staffId: user?.id, lockedNow: lockedNow > 0 }, 'staff sign-in failed');
      if (lockedNow > 0) throw accountLocked(lockedNow);
      throw invalidGrant('The user name or password is not correct');
    }
    await this.lockout.clear(username);
    await this.users.update({ id: user.id }, { lastSignInAt: new Date() });
    return user;
  }

  /** The account behind a refresh token, if it may still sign in. */
  async findActive(id: string): Promise<StaffUser | undefined> {
    const user = await this.users.findOneBy({ id });
    return user && !user.disabled ? user : undefined;
  }

  async unlock(id: string): Promise<void> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundError('Staff member', id);
    await this.lockout.clear(user.username);
    this.logger.log({ staffId: id }, 'staff account unlocked');
  }
}
