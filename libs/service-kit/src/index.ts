export { bootstrapService, composeRootModule, startService } from './bootstrap';
export type { RunningService, StartOptions } from './bootstrap';
export { buildOpenApiDocument, mountOpenApi } from './openapi';
export type { ServiceDefinition } from './service-definition';
export { ServiceKitModule } from './service-kit.module';
export type { ServiceKitOptions } from './service-kit.module';
export { migrationCommandFromArgv, runMigrationCommand } from './migration-cli';
export type { MigrationCommand } from './migration-cli';
export { loadCliConfig, openServiceDataSource } from './cli-support';
