import { DynamicModule, Module } from '@nestjs/common';
import type { HotlineEnv } from './config/hotline.env';

/** The hotline service's own domain modules. */
@Module({})
export class HotlineModule {
  static forRoot(_env: HotlineEnv): DynamicModule {
    return { module: HotlineModule, imports: [] };
  }
}
