import { DynamicModule, Module } from '@nestjs/common';
import { CitizensModule } from './citizens/citizens.module';
import { LogSmsSender } from './citizens/sms/log-sms-sender';
import type { SmsSender } from './citizens/sms/sms-sender';
import type { IdentityEnv } from './config/identity.env';
import { KeysModule } from './keys/keys.module';
import { PartnerTransfersModule } from './partner-transfers/partner-transfers.module';
import { PartnersModule } from './partners/partners.module';
import { SeedModule } from './seed/seed.module';
import { StaffModule } from './staff/staff.module';
import { TokensModule } from './tokens/tokens.module';

export interface IdentityModuleOptions {
  /** Replaces the sender chosen by IDENTITY_SMS_SENDER (tests capture codes this way). */
  smsSender?: SmsSender;
}

/** The identity service's own domain modules. */
@Module({})
export class IdentityModule {
  static forRoot(env: IdentityEnv, options: IdentityModuleOptions = {}): DynamicModule {
    const citizens = CitizensModule.forRoot(options.smsSender ?? new LogSmsSender(env.NODE_ENV));
    return {
      module: IdentityModule,
      imports: [
        KeysModule,
        StaffModule,
        PartnersModule,
        PartnerTransfersModule,
        citizens,
        TokensModule.forRoot(citizens),
        SeedModule,
      ],
    };
  }
}
