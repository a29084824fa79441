import { BaseEnv } from '@legal/config';

/** Environment of the notarization service: the shared variables (see .env.example) plus its own. */
export class NotarizationEnv extends BaseEnv {}
