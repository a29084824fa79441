import { DynamicModule, Module } from '@nestjs/common';
import type { MediationEnv } from './config/mediation.env';

/** The mediation service's own domain modules. */
@Module({})
export class MediationModule {
  static forRoot(_env: MediationEnv): DynamicModule {
    return { module: MediationModule, imports: [] };
  }
}
