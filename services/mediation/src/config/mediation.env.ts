import { HandlerEnv } from '@legal/handler-kit';

/**
 * Environment of the mediation service: the shared variables (see .env.example) and the handler kit's
 * (AUTO_ACCEPT_OFFERS: accept when a committee with a free mediator covers the region;
 * OFFER_SWEEP_INTERVAL_MS).
 */
export class MediationEnv extends HandlerEnv {}
