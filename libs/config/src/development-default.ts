/**
 * Secrets that ship with a development default (PII keys, signing secrets, broker passwords).
 * A variable marked with `@DevelopmentDefault()` works out of the box on a developer machine, but a
 * service running with NODE_ENV=production refuses to start (exit 78) while the variable is unset
 * or still equals the value the repository publishes. `loadConfig` enforces it.
 */
const MARKED = Symbol('developmentDefaults');

type Marked = { [MARKED]?: Set<string> };

export function DevelopmentDefault(): PropertyDecorator {
  return (target: object, property: string | symbol): void => {
    const owner = target as Marked;
    // Copy the parent's set so a subclass's marks never leak into its base class.
    const own = Object.prototype.hasOwnProperty.call(owner, MARKED) ? owner[MARKED] : new Set(owner[MARKED] ?? []);
    own!.add(String(property));
    Object.defineProperty(owner, MARKED, { value: own, configurable: true, enumerable: false, writable: true });
  };
}

/** Names of the variables of an env class that carry a development-only default. */
export function developmentDefaults(envClass: new () => object): string[] {
  return [...((envClass.prototype as Marked)[MARKED] ?? [])].sort();
}

/**
 * Problems with the secrets of a production configuration: every marked variable that the
 * environment left unset, or set to the published development value.
 */
export function unsafeProductionSecrets(
  envClass: new () => object,
  env: NodeJS.ProcessEnv,
  template: Record<string, unknown> = new envClass() as Record<string, unknown>,
): string[] {
  const problems: string[] = [];
  for (const name of developmentDefaults(envClass)) {
    const given = env[name];
    const published = template[name];
    if (given === undefined || given === '') {
      problems.push(
        `${name}=(unset): a production deployment must set its own secret (the default is for development only)`,
      );
    } else if (published !== undefined && String(published) === given) {
      problems.push(
        `${name}=(the published development value): a production deployment must not use the development secret`,
      );
    }
  }
  return problems;
}
