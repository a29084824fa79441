import type { BenchAuth } from './auth';
import { ChildService, RunEnvironment, ServiceLauncher } from './launcher';
import { registerCountyCommittees } from './prepare/mediation-committees';
import { HandlerService, PLATFORMS, PlatformName, ServiceName } from './services';

export interface SystemOptions {
  handlers: readonly HandlerService[];
  /** Extra variables per service (e.g. a shorter offer timeout). */
  extraEnv?: Partial<Record<ServiceName, Record<string, string>>>;
}

/**
 * The services one bench run needs, as processes: the work-order service first (the portal needs its
 * URL), then the three platforms and the chosen handlers together. Handlers accept offers on their
 * own (AUTO_ACCEPT_OFFERS=true), so a request goes all the way without a person.
 */
export class BenchSystem {
  private constructor(
    readonly launcher: ServiceLauncher,
    private readonly options: SystemOptions,
    private readonly workOrderUrl: string,
  ) {}

  static async start(run: RunEnvironment, options: SystemOptions, log: (line: string) => void): Promise<BenchSystem> {
    const launcher = new ServiceLauncher(run);
    const started = performance.now();
    const workOrder = await launcher.start({ service: 'work-order', env: options.extraEnv?.['work-order'] });
    log(`  work-order ready in ${Math.round(performance.now() - started)} ms (pid ${workOrder.pid}, ${workOrder.url})`);
    const system = new BenchSystem(launcher, options, workOrder.url);
    const rest: ServiceName[] = [...PLATFORMS, ...options.handlers];
    await launcher.startAll(rest.map((service) => ({ service, env: system.envFor(service) })));
    log(
      `  all ${launcher.services.length} services ready in ${Math.round(performance.now() - started)} ms (logs in ${launcher.logDir})`,
    );
    return system;
  }

  envFor(service: ServiceName): Record<string, string> {
    const env: Record<string, string> = { ...this.options.extraEnv?.[service] };
    if ((this.options.handlers as readonly string[]).includes(service)) env.AUTO_ACCEPT_OFFERS = 'true';
    if (service === 'portal') env.WORK_ORDER_URL = this.workOrderUrl;
    if (service === 'notarization') env.DEFAULT_OFFICE_CAPACITY = env.DEFAULT_OFFICE_CAPACITY ?? '100000';
    if (service === 'work-order' && this.launcher.services.some((s) => s.service === 'work-order')) {
      // A second instance finds the organisation tree seeded by the first.
      env.ORGANISATION_SEED_ON_START = env.ORGANISATION_SEED_ON_START ?? 'false';
    }
    return env;
  }

  /** Another instance of a service on the same schema, topics and consumer groups. */
  async addInstance(service: ServiceName): Promise<ChildService> {
    const instance = this.launcher.services.filter((s) => s.service === service).length + 1;
    return this.launcher.start({ service, instance, env: this.envFor(service) });
  }

  get platformUrls(): Record<PlatformName, string> {
    return {
      hotline: this.launcher.find('hotline').url,
      portal: this.launcher.find('portal').url,
      centre: this.launcher.find('centre').url,
    };
  }

  url(service: ServiceName): string {
    return this.launcher.find(service).url;
  }

  /**
   * Gives the handlers what automatic acceptance needs and lifts limits that would turn a benchmark
   * into a capacity test of one organisation: the legal-aid default capacity (PUT
   * /admin/organisation-capacity/*), mediation committees and mediators per county, notary office
   * capacity (DEFAULT_OFFICE_CAPACITY). Returns what it did.
   */
  async prepare(auth: BenchAuth): Promise<string[]> {
    const notes: string[] = [];
    const bearer = await auth.bearer({ roles: ['admin'], org: 'org-370000-admin', region: '370000' }, 'bench-admin');
    if ((this.options.handlers as readonly string[]).includes('mediation'))
      notes.push(await registerCountyCommittees(this.url('mediation'), bearer));
    if ((this.options.handlers as readonly string[]).includes('legal-aid')) {
      const res = await fetch(`${this.url('legal-aid')}/admin/organisation-capacity/*`, {
        method: 'PUT',
        headers: { authorization: bearer, 'content-type': 'application/json' },
        body: JSON.stringify({ maxOpenApplications: 100000 }),
      });
      notes.push(
        `legal-aid default capacity → 100000: HTTP ${res.status}${res.ok ? '' : ` ${(await res.text()).slice(0, 200)}`}`,
      );
    }
    return notes;
  }

  async stop(): Promise<void> {
    await this.launcher.stopAll();
  }
}
