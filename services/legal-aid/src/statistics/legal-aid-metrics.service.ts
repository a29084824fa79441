import { Injectable, OnModuleInit } from '@nestjs/common';
import { MetricsRegistry } from '@legal/observability';
import { Gauge } from 'prom-client';
import { StatisticsService } from './statistics.service';

/** Prometheus gauges (computed on scrape): applications by state, overdue decisions and appointments. */
@Injectable()
export class LegalAidMetricsService implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly statistics: StatisticsService,
  ) {}

  onModuleInit(): void {
    const statistics = this.statistics;
    const registers = [this.metrics.registry];
    new Gauge({
      name: 'legal_aid_applications',
      help: 'Legal-aid applications by workflow state',
      labelNames: ['state'],
      registers,
      async collect() {
        const stats = await statistics.compute(undefined);
        for (const [state, n] of Object.entries(stats.applicationsByState)) this.set({ state }, n);
      },
    });
    new Gauge({
      name: 'legal_aid_overdue_clocks',
      help: 'Statutory clocks past due without the step (decision: 7 days; appointment: 3 days)',
      labelNames: ['clock'],
      registers,
      async collect() {
        const stats = await statistics.compute(undefined);
        this.set({ clock: 'legal-aid-decision' }, stats.decisionsOverdue);
        this.set({ clock: 'lawyer-appointment' }, stats.appointmentsOverdue);
      },
    });
  }
}
