import { BaseEnv } from '@legal/config';

/** Environment of the mediation service: the shared variables (see .env.example) plus its own. */
export class MediationEnv extends BaseEnv {}
