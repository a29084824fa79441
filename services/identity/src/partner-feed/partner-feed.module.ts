import { Module } from '@nestjs/common';
import { PartnerBrokerAccess } from './partner-broker-access';
import { PartnerCoveragePublisher } from './partner-coverage.publisher';
import { PartnerFeedGateway } from './partner-feed.gateway';

/**
 * The partner gateway: per-partner feeds that carry exactly what each data-sharing agreement names
 * (see services/identity/README.md, "Partner gateway").
 */
@Module({
  providers: [PartnerBrokerAccess, PartnerFeedGateway, PartnerCoveragePublisher],
  exports: [PartnerBrokerAccess, PartnerFeedGateway, PartnerCoveragePublisher],
})
export class PartnerFeedModule {}
