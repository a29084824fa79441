import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { HistoryModule } from '../history/history.module';
import { OfficesModule } from '../offices/offices.module';
import { CertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';

@Module({
  imports: [ApplicationsModule, OfficesModule, HistoryModule],
  controllers: [CertificatesController],
  providers: [CertificatesService],
})
export class CertificatesModule {}
