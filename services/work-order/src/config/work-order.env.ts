import { BaseEnv } from '@legal/config';

/** Environment of the work-order service: the shared variables (see .env.example) plus its own. */
export class WorkOrderEnv extends BaseEnv {}
