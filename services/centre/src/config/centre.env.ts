import { BaseEnv } from '@legal/config';

/** Environment of the centre service: the shared variables (see .env.example) plus its own. */
export class CentreEnv extends BaseEnv {}
