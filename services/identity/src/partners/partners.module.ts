import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CredentialsModule } from '../credentials/credentials.module';
import { PartnerFeedModule } from '../partner-feed/partner-feed.module';
import { PartnerClient } from './entities/partner-client.entity';
import { PartnerAdminController } from './partner-admin.controller';
import { PartnerAgreementController } from './partner-agreement.controller';
import { PartnerClientService } from './partner-client.service';

@Module({
  imports: [TypeOrmModule.forFeature([PartnerClient]), CredentialsModule, PartnerFeedModule],
  controllers: [PartnerAdminController, PartnerAgreementController],
  providers: [PartnerClientService],
  exports: [PartnerClientService],
})
export class PartnersModule {}
