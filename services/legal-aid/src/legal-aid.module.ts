import { DynamicModule, Module } from '@nestjs/common';
import type { LegalAidEnv } from './config/legal-aid.env';

/** The legal-aid service's own domain modules. */
@Module({})
export class LegalAidModule {
  static forRoot(_env: LegalAidEnv): DynamicModule {
    return { module: LegalAidModule, imports: [] };
  }
}
