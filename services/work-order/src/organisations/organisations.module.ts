import { Module } from '@nestjs/common';
import { OrganisationAdminController } from './organisation-admin.controller';
import { OrganisationSeedService } from './organisation-seed.service';
import { OrganisationService } from './organisation.service';
import { PublicOrganisationController } from './public-organisation.controller';

/** The organisation tree and staff: seeding, admin API, public agency lookup. */
@Module({
  controllers: [OrganisationAdminController, PublicOrganisationController],
  providers: [OrganisationService, OrganisationSeedService],
  exports: [OrganisationService],
})
export class OrganisationsModule {}
