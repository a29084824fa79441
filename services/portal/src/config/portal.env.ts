import { BaseEnv } from '@legal/config';

/** Environment of the portal service: the shared variables (see .env.example) plus its own. */
export class PortalEnv extends BaseEnv {}
