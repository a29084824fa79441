import type { ServiceDefinition } from '@legal/service-kit';
import type { BaseEnv } from '@legal/config';
import { centreService } from '../services/centre/src/centre.definition';
import { hotlineService } from '../services/hotline/src/hotline.definition';
import { identityService } from '../services/identity/src/identity.definition';
import { legalAidService } from '../services/legal-aid/src/legal-aid.definition';
import { mediationService } from '../services/mediation/src/mediation.definition';
import { notarizationService } from '../services/notarization/src/notarization.definition';
import { portalService } from '../services/portal/src/portal.definition';
import { workOrderService } from '../services/work-order/src/work-order.definition';

/** Every deployable service. A new service must be added here (the foundation tests check the folder list). */
export const ALL_SERVICES: ServiceDefinition<BaseEnv>[] = [
  workOrderService,
  hotlineService,
  portalService,
  centreService,
  legalAidService,
  mediationService,
  notarizationService,
  identityService,
] as unknown as ServiceDefinition<BaseEnv>[];
