import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CitizenAccountService } from './citizen-account.service';
import { CitizenAccount } from './entities/citizen-account.entity';
import { OtpChallenge } from './entities/otp-challenge.entity';
import { OtpController } from './otp.controller';
import { OtpService } from './otp.service';
import { SMS_SENDER, SmsSender } from './sms/sms-sender';

@Module({})
export class CitizensModule {
  static forRoot(smsSender: SmsSender): DynamicModule {
    return {
      module: CitizensModule,
      imports: [TypeOrmModule.forFeature([CitizenAccount, OtpChallenge])],
      controllers: [OtpController],
      providers: [OtpService, CitizenAccountService, { provide: SMS_SENDER, useValue: smsSender }],
      exports: [OtpService, CitizenAccountService],
    };
  }
}
