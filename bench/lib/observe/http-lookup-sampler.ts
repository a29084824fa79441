import type { BenchAuth } from '../auth';
import { epochNow } from '../intake/platform-clients';
import type { PlatformName } from '../services';
import { sleep } from '../sleep';
import { ACCEPTED_OR_LATER } from './read-model-watcher';

export interface LookupTarget {
  n: number;
  caseCode: string;
  phone: string;
  t0: number;
}

export interface LookupResult {
  n: number;
  /** Epoch ms each platform's lookup endpoint first answered with the accepted (or later) status. */
  acceptedAt: Partial<Record<PlatformName, number>>;
  /** Latest of the three minus t0; undefined when one never showed it within the timeout. */
  allMs?: number;
  polls: number;
  lastError?: string;
}

/**
 * Direct observation through the platforms' own lookup endpoints, for a sample of the requests:
 * portal `GET /portal/staff/work-orders/{code}`, centre `GET /work-orders/{code}`, hotline
 * `POST /caller-history/search` (the caller's work orders). A supervisor token for the whole province
 * is used. Few at a time and not too often, so the sampling does not become the load.
 */
export class HttpLookupSampler {
  readonly results: LookupResult[] = [];
  private active = 0;
  private readonly pending: Promise<void>[] = [];

  constructor(
    private readonly urls: Record<PlatformName, string>,
    private readonly auth: BenchAuth,
    private readonly options: { maxActive: number; intervalMs: number; timeoutMs: number } = {
      maxActive: 3,
      intervalMs: 150,
      timeoutMs: 30000,
    },
  ) {}

  /** Starts watching one request unless the sampler is already busy; returns whether it was taken. */
  offer(target: LookupTarget): boolean {
    if (this.active >= this.options.maxActive) return false;
    this.active += 1;
    const job = this.watch(target).finally(() => {
      this.active -= 1;
    });
    this.pending.push(job);
    return true;
  }

  async drain(): Promise<void> {
    await Promise.allSettled(this.pending);
  }

  private async statusOn(platform: PlatformName, target: LookupTarget, bearer: string): Promise<string | undefined> {
    const headers = { authorization: bearer, 'content-type': 'application/json' };
    const signal = AbortSignal.timeout(5000);
    if (platform === 'hotline') {
      const res = await fetch(`${this.urls.hotline}/caller-history/search`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ phone: target.phone, limit: 20 }),
        signal,
      });
      if (res.status !== 200) throw new Error(`hotline ${res.status}: ${(await res.text()).slice(0, 200)}`);
      const body = (await res.json()) as { workOrders?: { items?: { caseCode?: string; status?: string }[] } };
      return body.workOrders?.items?.find((w) => w.caseCode === target.caseCode)?.status;
    }
    const url =
      platform === 'portal'
        ? `${this.urls.portal}/portal/staff/work-orders/${encodeURIComponent(target.caseCode)}`
        : `${this.urls.centre}/work-orders/${encodeURIComponent(target.caseCode)}`;
    const res = await fetch(url, { headers, signal });
    if (res.status === 404) {
      await res.arrayBuffer();
      return undefined;
    }
    if (res.status !== 200) throw new Error(`${platform} ${res.status}: ${(await res.text()).slice(0, 200)}`);
    return ((await res.json()) as { status?: string }).status;
  }

  private async watch(target: LookupTarget): Promise<void> {
    const bearer = await this.auth.bearer(
      { roles: ['supervisor'], org: 'org-370000-supervision', region: '370000' },
      'bench-supervisor',
    );
    const result: LookupResult = { n: target.n, acceptedAt: {}, polls: 0 };
    const deadline = Date.now() + this.options.timeoutMs;
    const platforms: PlatformName[] = ['hotline', 'portal', 'centre'];
    while (Date.now() < deadline) {
      const waiting = platforms.filter((p) => result.acceptedAt[p] === undefined);
      if (waiting.length === 0) break;
      await Promise.all(
        waiting.map(async (p) => {
          try {
            const status = await this.statusOn(p, target, bearer);
            if (status && (ACCEPTED_OR_LATER as readonly string[]).includes(status)) result.acceptedAt[p] = epochNow();
          } catch (e) {
            result.lastError = e instanceof Error ? e.message : String(e);
          }
        }),
      );
      result.polls += 1;
      await sleep(this.options.intervalMs);
    }
    const times = platforms.map((p) => result.acceptedAt[p]);
    if (times.every((t): t is number => t !== undefined)) result.allMs = Math.max(...times) - target.t0;
    this.results.push(result);
  }
}
