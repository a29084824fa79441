import { DynamicModule, Module } from '@nestjs/common';
import type { PortalEnv } from './config/portal.env';

/** The portal service's own domain modules. */
@Module({})
export class PortalModule {
  static forRoot(_env: PortalEnv): DynamicModule {
    return { module: PortalModule, imports: [] };
  }
}
