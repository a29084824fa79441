import type { ChildService } from '../launcher';

/** Cumulative sum/count of a Prometheus histogram per label set, as scraped at one moment. */
export type HistogramTotals = Map<string, { sum: number; count: number }>;

export interface ServiceTotals {
  service: string;
  handler: HistogramTotals;
  publish: HistogramTotals;
}

export interface TimingDelta {
  service: string;
  what: string;
  count: number;
  meanMs: number;
}

const LINE = /^(\w+)_(sum|count)(\{[^}]*\})?\s+([0-9.eE+-]+|NaN)$/;

function parse(text: string, metric: string, labelKey: (labels: string) => string): HistogramTotals {
  const out: HistogramTotals = new Map();
  for (const line of text.split('\n')) {
    const m = LINE.exec(line.trim());
    if (!m || m[1] !== metric) continue;
    const key = labelKey(m[3] ?? '');
    const entry = out.get(key) ?? { sum: 0, count: 0 };
    const value = Number(m[4]);
    if (m[2] === 'sum') entry.sum += value;
    else entry.count += value;
    out.set(key, entry);
  }
  return out;
}

function label(labels: string, name: string): string {
  return new RegExp(`${name}="([^"]*)"`).exec(labels)?.[1] ?? '';
}

/**
 * Reads every service's /metrics: consumer handler run time (messaging_handler_duration_seconds, per
 * group and event type) and outbox publish latency (outbox_publish_latency_seconds: insert → broker ack).
 * Two scrapes give per-step means: how long the work itself took, as against the time spent waiting.
 */
export async function scrapeTotals(services: readonly ChildService[], tag: string): Promise<ServiceTotals[]> {
  const out: ServiceTotals[] = [];
  await Promise.all(
    services
      .filter((s) => s.running)
      .map(async (s) => {
        try {
          const res = await fetch(`${s.url}/metrics`, { signal: AbortSignal.timeout(10000) });
          const text = await res.text();
          out.push({
            service: s.name,
            handler: parse(text, 'messaging_handler_duration_seconds', (l) =>
              `${label(l, 'group').replace(`${tag}.`, '')} ${label(l, 'type').replace(/^legal\./, '')} ${label(l, 'outcome')}`.trim(),
            ),
            publish: parse(text, 'outbox_publish_latency_seconds', () => 'outbox insert → broker ack'),
          });
        } catch {
          // a service that does not answer contributes nothing to this scrape
        }
      }),
  );
  return out;
}

export function timingDeltas(before: ServiceTotals[], after: ServiceTotals[]): TimingDelta[] {
  const rows: TimingDelta[] = [];
  for (const a of after) {
    const b = before.find((x) => x.service === a.service);
    for (const kind of ['handler', 'publish'] as const) {
      for (const [what, totals] of a[kind]) {
        const prev = b?.[kind].get(what) ?? { sum: 0, count: 0 };
        const count = totals.count - prev.count;
        if (count <= 0) continue;
        rows.push({
          service: a.service,
          what,
          count,
          meanMs: Math.round(((totals.sum - prev.sum) / count) * 100000) / 100,
        });
      }
    }
  }
  return rows.sort((x, y) => x.service.localeCompare(y.service) || x.what.localeCompare(y.what));
}
