import { Module } from '@nestjs/common';
import { PartnersModule } from '../partners/partners.module';
import { StaffModule } from '../staff/staff.module';
import { DevSeedService } from './dev-seed.service';

@Module({
  imports: [StaffModule, PartnersModule],
  providers: [DevSeedService],
})
export class SeedModule {}
