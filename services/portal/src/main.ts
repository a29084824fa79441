import { bootstrapService } from '@legal/service-kit';
import { portalService } from './portal.definition';

void bootstrapService(portalService);
