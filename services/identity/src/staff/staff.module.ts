import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RateLimiterRegistry } from '@legal/rate-limit';
import { StaffUser } from './entities/staff-user.entity';
import { CredentialsModule } from '../credentials/credentials.module';
import { SignInLockoutService } from './sign-in-lockout.service';
import { StaffAdminController } from './staff-admin.controller';
import { StaffService } from './staff.service';

@Module({
  imports: [TypeOrmModule.forFeature([StaffUser]), CredentialsModule],
  controllers: [StaffAdminController],
  providers: [StaffService, SignInLockoutService, RateLimiterRegistry],
  exports: [StaffService],
})
export class StaffModule {}
