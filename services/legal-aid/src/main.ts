import { bootstrapService } from '@legal/service-kit';
import { legalAidService } from './legal-aid.definition';

void bootstrapService(legalAidService);
