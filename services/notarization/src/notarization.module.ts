import { DynamicModule, Module } from '@nestjs/common';
import type { NotarizationEnv } from './config/notarization.env';

/** The notarization service's own domain modules. */
@Module({})
export class NotarizationModule {
  static forRoot(_env: NotarizationEnv): DynamicModule {
    return { module: NotarizationModule, imports: [] };
  }
}
