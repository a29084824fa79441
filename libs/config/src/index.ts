export { BaseEnv, NODE_ENVS } from './base-env';
export type { NodeEnv } from './base-env';
export { ConfigError, loadConfig } from './load-config';
export { DevelopmentDefault, developmentDefaults, unsafeProductionSecrets } from './development-default';
