import { dropSchema } from '@legal/persistence';
import { RunningService, startService } from '@legal/service-kit';
import { isolatedOverrides } from '@legal/testing';
import type { OneTimeCodeMessage, SmsSender } from '../src/citizens/sms/sms-sender';
import type { IdentityEnv } from '../src/config/identity.env';
import { identityService } from '../src/identity.definition';
import { IdentityModule } from '../src/identity.module';

/** An SmsSender that keeps the messages, so tests can read the code a citizen would receive. */
export class CapturingSmsSender implements SmsSender {
  readonly sent: OneTimeCodeMessage[] = [];

  async sendOneTimeCode(message: OneTimeCodeMessage): Promise<void> {
    this.sent.push(message);
  }

  lastCodeFor(phone: string): string | undefined {
    return [...this.sent].reverse().find((m) => m.phone === phone)?.code;
  }
}

export interface RunningIdentity {
  service: RunningService<IdentityEnv>;
  url: string;
  sms: CapturingSmsSender;
  stop: () => Promise<void>;
}

/**
 * Starts the real identity service in-process: own schema and Redis prefix, development accounts seeded,
 * loopback a trusted proxy (the tests give each case its own client address with X-Forwarded-For).
 */
export async function startIdentity(tag: string, extra: Record<string, unknown> = {}): Promise<RunningIdentity> {
  const sms = new CapturingSmsSender();
  const definition = {
    ...identityService,
    rootModule: (env: IdentityEnv) => IdentityModule.forRoot(env, { smsSender: sms }),
  };
  const service = await startService(
    definition,
    isolatedOverrides(tag, 'identity', { SEED_DEV_USERS: true, TRUSTED_PROXIES: 'loopback', ...extra }),
  );
  return {
    service,
    url: service.url,
    sms,
    stop: async () => {
      await service.stop();
      await dropSchema(service.env.DATABASE_URL, service.env.DB_SCHEMA);
    },
  };
}
