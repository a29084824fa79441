import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { BaseEnv } from './base-env';
import { unsafeProductionSecrets } from './development-default';

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Ctor<T> = new () => T;

function describe(errors: ValidationError[], source: Record<string, unknown>): string[] {
  return errors.flatMap((e) => {
    const shown = source[e.property] === undefined ? '(unset)' : JSON.stringify(source[e.property]);
    const reasons = Object.values(e.constraints ?? {}).join('; ');
    return [`${e.property}=${shown}: ${reasons}`];
  });
}

/**
 * Reads the environment into a validated settings object. Unset variables keep the class's
 * defaults (overridden by `defaults`, which a service uses for its own port and schema).
 * Throws ConfigError naming every bad variable at once.
 */
export function loadConfig<T extends BaseEnv>(
  envClass: Ctor<T>,
  defaults: Partial<Record<keyof T, unknown>> = {},
  env: NodeJS.ProcessEnv = process.env,
): T {
  const template = new envClass();
  const known = Object.keys(template) as (keyof T & string)[];
  const source: Record<string, unknown> = {};
  for (const key of known) {
    const fromEnv = env[key];
    if (fromEnv !== undefined && fromEnv !== '') source[key] = fromEnv;
    else if (defaults[key] !== undefined) source[key] = defaults[key];
  }
  const config = plainToInstance(envClass, source, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: false });
  const problems = describe(errors, source);
  if (config.NODE_ENV === 'production') {
    // Only the environment counts here: a development default is exactly what production must replace.
    problems.push(...unsafeProductionSecrets(envClass, env, template as unknown as Record<string, unknown>));
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
