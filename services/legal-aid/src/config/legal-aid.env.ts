import { BaseEnv } from '@legal/config';

/** Environment of the legal-aid service: the shared variables (see .env.example) plus its own. */
export class LegalAidEnv extends BaseEnv {}
