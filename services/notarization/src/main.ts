import { bootstrapService } from '@legal/service-kit';
import { notarizationService } from './notarization.definition';

void bootstrapService(notarizationService);
