import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { PiiProtector } from '@legal/privacy';
import { Repository } from 'typeorm';
import { CitizenAccount } from './entities/citizen-account.entity';

export interface Citizen {
  id: string;
  /** Normalised mobile number. */
  phone: string;
}

/** Citizens' accounts: created on first sign-in, one per mobile number. */
@Injectable()
export class CitizenAccountService {
  constructor(
    @InjectRepository(CitizenAccount) private readonly accounts: Repository<CitizenAccount>,
    private readonly pii: PiiProtector,
  ) {}

  /** The stable subject of a number: `cit_` + a keyed hash (not the matching hash other services use). */
  subjectOf(phone: string): string {
    return `cit_${this.pii.hash(`citizen-subject:${phone}`).slice(0, 40)}`;
  }

  async signedIn(phone: string): Promise<Citizen> {
    const id = this.subjectOf(phone);
    await this.accounts
      .createQueryBuilder()
      .insert()
      .values({ id, phoneHash: this.pii.hash(phone), phoneSealed: this.pii.encrypt(phone), lastSignInAt: new Date() })
      .orUpdate(['last_sign_in_at'], ['phone_hash'])
      .execute();
    return { id, phone };
  }

  async find(id: string): Promise<Citizen | undefined> {
    const account = await this.accounts.findOneBy({ id });
    return account ? { id: account.id, phone: this.pii.decrypt(account.phoneSealed) } : undefined;
  }
}
