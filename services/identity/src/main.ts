import { bootstrapService } from '@legal/service-kit';
import { identityService } from './identity.definition';

void bootstrapService(identityService);
