import { DynamicModule, Module } from '@nestjs/common';
import type { CentreEnv } from './config/centre.env';

/** The centre service's own domain modules. */
@Module({})
export class CentreModule {
  static forRoot(_env: CentreEnv): DynamicModule {
    return { module: CentreModule, imports: [] };
  }
}
