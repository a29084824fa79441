/** `--name=value` and `--flag` arguments; the rest is ignored. */
export class Args {
  private readonly values = new Map<string, string>();

  constructor(argv: readonly string[] = process.argv.slice(2)) {
    for (const arg of argv) {
      const m = /^--([a-z0-9-]+)(?:=(.*))?$/.exec(arg);
      if (m?.[1]) this.values.set(m[1], m[2] ?? 'true');
    }
  }

  string(name: string, fallback: string): string {
    return this.values.get(name) ?? fallback;
  }

  number(name: string, fallback: number): number {
    const raw = this.values.get(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, got ${raw}`);
    return n;
  }

  numbers(name: string, fallback: number[]): number[] {
    const raw = this.values.get(name);
    if (raw === undefined) return fallback;
    return raw.split(',').map((s) => {
      const n = Number(s);
      if (!Number.isFinite(n) || n <= 0)
        throw new Error(`--${name} must be a comma-separated list of positive numbers, got ${raw}`);
      return n;
    });
  }

  flag(name: string): boolean {
    const raw = this.values.get(name);
    return raw !== undefined && raw !== 'false' && raw !== '0';
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.values.get(name) ?? fallback;
    if (!(allowed as readonly string[]).includes(raw))
      throw new Error(`--${name} must be one of ${allowed.join(', ')}, got ${raw}`);
    return raw as T;
  }
}
