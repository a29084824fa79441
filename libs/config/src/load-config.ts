import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { BaseEnv } from './base-env';
import { developmentDefaults, unsafeProductionSecrets } from './development-default';

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Ctor<T> = new () => T;

/** A secret's value is never echoed (the message lands in logs): only that it is malformed. */
function describe(errors: ValidationError[], source: Record<string, unknown>, secrets: ReadonlySet<string>): string[] {
  return errors.flatMap((e) => {
    const given = source[e.property];
    const shown =
      given === undefined
        ? '(unset)'
        : secrets.has(e.property)
          ? `(a secret of ${String(given).length} characters)`
          : JSON.stringify(given);
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
  const problems = describe(errors, source, new Set(developmentDefaults(envClass)));
  if (config.NODE_ENV === 'production') {
    // Only the environment counts here: a development default is exactly what production must replace.
    problems.push(...unsafeProductionSecrets(envClass, env, template as unknown as Record<string, unknown>));
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
