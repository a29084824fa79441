import { DynamicModule, Module } from '@nestjs/common';
import { ChartsController } from './charts/charts.controller';
import { ChartsService } from './charts/charts.service';
import { OVERSIGHT_ENV } from './config/oversight-env.token';
import type { OversightEnv } from './config/oversight.env';
import { FactsProjector } from './facts/facts.projector';
import { FactsService } from './facts/facts.service';
import { IndicatorMetrics } from './indicators/indicator-metrics';
import { IndicatorsController } from './indicators/indicators.controller';
import { IndicatorsService } from './indicators/indicators.service';
import { ReadModelResetController } from './rebuild/read-model-reset.controller';
import { MonthlyReportsController } from './reports/monthly-reports.controller';
import { MonthlyReportsService } from './reports/monthly-reports.service';

/** Oversight: the read model of the lifecycle stream, indicators, charts, exports and the monthly report. */
@Module({})
export class OversightModule {
  static forRoot(env: OversightEnv): DynamicModule {
    return {
      module: OversightModule,
      controllers: [IndicatorsController, ChartsController, MonthlyReportsController, ReadModelResetController],
      providers: [
        { provide: OVERSIGHT_ENV, useValue: env },
        FactsService,
        FactsProjector,
        IndicatorsService,
        IndicatorMetrics,
        ChartsService,
        MonthlyReportsService,
      ],
    };
  }
}
