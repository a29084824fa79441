import { Module } from '@nestjs/common';
import { PartnerBrokerAccess } from './partner-broker-access';
import { PartnerFeedGateway } from './partner-feed.gateway';

/**
 * The partner gateway: per-partner feeds that carry exactly what each data-sharing agreement names
 * (see services/identity/README.md, "Partner gateway").
 */
@Module({
  providers: [PartnerBrokerAccess, PartnerFeedGateway],
  exports: [PartnerBrokerAccess, PartnerFeedGateway],
})
export class PartnerFeedModule {}
