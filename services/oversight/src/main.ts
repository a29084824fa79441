import { bootstrapService } from '@legal/service-kit';
import { oversightService } from './oversight.definition';

void bootstrapService(oversightService);
