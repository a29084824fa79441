/** Custom grant type of citizens' phone + one-time code sign-in (`otp` is accepted as a short alias). */
export const OTP_GRANT_TYPE = 'urn:legal:grant-type:otp';

/** Grant types of `POST /token`, as advertised in the discovery document. */
export const GRANT_TYPES = ['password', 'refresh_token', 'client_credentials', OTP_GRANT_TYPE] as const;

/** Everything the token endpoint accepts in `grant_type`. */
export const ACCEPTED_GRANT_TYPES = [...GRANT_TYPES, 'otp'] as const;
export type AcceptedGrantType = (typeof ACCEPTED_GRANT_TYPES)[number];
