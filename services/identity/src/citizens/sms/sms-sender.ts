/** Injection token of the SmsSender. */
export const SMS_SENDER = Symbol('SMS_SENDER');

export interface OneTimeCodeMessage {
  /** Normalised mainland mobile number, e.g. 13812345678. */
  phone: string;
  /** The code, 6 digits. */
  code: string;
  /** How long the code is valid. */
  expiresInSeconds: number;
}

/** Delivers one-time sign-in codes. Production plugs in the province's SMS gateway here. */
export interface SmsSender {
  sendOneTimeCode(message: OneTimeCodeMessage): Promise<void>;
}
