import { BaseEnv } from '@legal/config';

/** Environment of the hotline service: the shared variables (see .env.example) plus its own. */
export class HotlineEnv extends BaseEnv {}
