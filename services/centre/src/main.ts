import { bootstrapService } from '@legal/service-kit';
import { centreService } from './centre.definition';

void bootstrapService(centreService);
