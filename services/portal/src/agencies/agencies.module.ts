import { Module } from '@nestjs/common';
import { AgenciesController } from './agencies.controller';
import { AgencyDirectoryClient } from './agency-directory.client';

@Module({
  controllers: [AgenciesController],
  providers: [AgencyDirectoryClient],
})
export class AgenciesModule {}
