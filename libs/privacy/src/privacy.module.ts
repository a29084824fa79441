import { DynamicModule, Global, Module } from '@nestjs/common';
import { BaseEnv } from '@legal/config';
import { PiiProtector } from './pii-protector';
import { TransitSealer } from './transit-sealer';

/**
 * Provides the PiiProtector (PII_HASH_KEY, PII_KEYRING, and PII_ENCRYPTION_KEY to read legacy `v1.`
 * values) and the service's TransitSealer (PII_TRANSIT_KEYS, PII_TRANSIT_DIRECTORY) that the
 * messaging outbox and consumers use for personal data in events.
 */
@Global()
@Module({})
export class PrivacyModule {
  static forRoot(options: { serviceName: string }): DynamicModule {
    return {
      module: PrivacyModule,
      global: true,
      providers: [
        {
          provide: PiiProtector,
          inject: [BaseEnv],
          useFactory: (env: BaseEnv) => new PiiProtector(env.PII_HASH_KEY, env.PII_ENCRYPTION_KEY, env.PII_KEYRING),
        },
        {
          provide: TransitSealer,
          inject: [BaseEnv],
          useFactory: (env: BaseEnv) =>
            TransitSealer.fromConfig(options.serviceName, env.PII_TRANSIT_KEYS, env.PII_TRANSIT_DIRECTORY),
        },
      ],
      exports: [PiiProtector, TransitSealer],
    };
  }
}
