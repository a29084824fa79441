import { Global, Module } from '@nestjs/common';
import { BaseEnv } from '@legal/config';
import { PiiProtector } from './pii-protector';

/** Provides the PiiProtector built from PII_HASH_KEY and PII_ENCRYPTION_KEY. */
@Global()
@Module({
  providers: [{ provide: PiiProtector, inject: [BaseEnv], useFactory: (env: BaseEnv) => new PiiProtector(env.PII_HASH_KEY, env.PII_ENCRYPTION_KEY) }],
  exports: [PiiProtector],
})
export class PrivacyModule {}
