import { bootstrapService } from '@legal/service-kit';
import { hotlineService } from './hotline.definition';

void bootstrapService(hotlineService);
