import { bootstrapService } from '@legal/service-kit';
import { mediationService } from './mediation.definition';

void bootstrapService(mediationService);
