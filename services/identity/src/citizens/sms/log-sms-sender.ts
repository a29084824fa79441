import { Logger } from '@nestjs/common';
import type { NodeEnv } from '@legal/config';
import { maskPhone } from '@legal/domain';
import type { OneTimeCodeMessage, SmsSender } from './sms-sender';

/**
 * The development sender: sends nothing, logs that a code was sent to the masked number. The code
 * itself is logged only when NODE_ENV is development or test, so a developer can sign in; in
 * production the line says a code was sent and nothing more.
 */
export class LogSmsSender implements SmsSender {
  private readonly logger = new Logger('SmsSender');

  constructor(private readonly nodeEnv: NodeEnv) {
    if (nodeEnv === 'production')
      this.logger.warn('IDENTITY_SMS_SENDER=log in production: one-time codes are not delivered to anyone');
  }

  async sendOneTimeCode(message: OneTimeCodeMessage): Promise<void> {
    const to = maskPhone(message.phone);
    if (this.nodeEnv === 'production') {
      this.logger.log({ to, expiresInSeconds: message.expiresInSeconds }, 'one-time code sent');
      return;
    }
    this.logger.log(
      { to, devCode: message.code, expiresInSeconds: message.expiresInSeconds },
      `one-time code sent (development: ${message.code})`,
    );
  }
}
