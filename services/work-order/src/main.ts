import { bootstrapService } from '@legal/service-kit';
import { workOrderService } from './work-order.definition';

void bootstrapService(workOrderService);
