import { Injectable } from '@nestjs/common';
import { MetricsRegistry } from '@legal/observability';
import { Gauge } from 'prom-client';
import { calendarReadiness } from './calendar-readiness';

/** `work_order_calendar_next_year_missing`: 1 from 1 December while next year's holiday notice is not loaded. */
@Injectable()
export class CalendarMetrics {
  constructor(registry: MetricsRegistry) {
    new Gauge({
      name: 'work_order_calendar_next_year_missing',
      help: '1 from 1 December (Asia/Shanghai) while next year has no official holiday calendar, else 0',
      registers: [registry.registry],
      collect() {
        this.set(calendarReadiness().warning ? 1 : 0);
      },
    });
  }
}
