import { Injectable } from '@nestjs/common';
import { MetricsRegistry } from '@legal/observability';
import { Histogram } from 'prom-client';

export type Projection = 'work_order_view' | 'intake_outcome';

/**
 * Eventual consistency measured, not assumed: seconds from an event's CloudEvents `time` (when the
 * producer committed the change) to the moment this platform's read model applied it.
 */
@Injectable()
export class ReadModelLagMetric {
  private readonly histogram: Histogram<'projection'>;

  constructor(metrics: MetricsRegistry) {
    const existing = metrics.registry.getSingleMetric('platform_read_model_lag_seconds');
    this.histogram =
      (existing as Histogram<'projection'> | undefined) ??
      new Histogram({
        name: 'platform_read_model_lag_seconds',
        help: 'Seconds from the event time (ce_time) to its projection into this platform read model',
        labelNames: ['projection'],
        buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
        registers: [metrics.registry],
      });
  }

  /** Records the lag of one event; an unparsable or future time counts as zero lag. */
  observe(projection: Projection, eventTime: string, appliedAt: Date = new Date()): number {
    const produced = Date.parse(eventTime);
    const seconds = Number.isFinite(produced) ? Math.max(0, (appliedAt.getTime() - produced) / 1000) : 0;
    this.histogram.observe({ projection }, seconds);
    return seconds;
  }
}
