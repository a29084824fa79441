import { DynamicModule, Module } from '@nestjs/common';
import { CalendarController } from './calendar/calendar.controller';
import { CalendarMetrics } from './calendar/calendar-metrics';
import { CalendarService } from './calendar/calendar.service';
import { CaseCodeService } from './case-codes/case-code.service';
import { DeskController } from './desk/desk.controller';
import { DeskService } from './desk/desk.service';
import { ClassificationModule } from './classification/classification.module';
import { TriageController } from './classification/triage.controller';
import { TriageService } from './classification/triage.service';
import type { WorkOrderEnv } from './config/work-order.env';
import { EvaluationConsumer } from './feedback/evaluation.consumer';
import { HandlerReportConsumer } from './handler-reports/handler-report.consumer';
import { HandlerReportService } from './handler-reports/handler-report.service';
import { IntakeConsumer } from './intake/intake.consumer';
import { IntakeService } from './intake/intake.service';
import { WorkOrderMetrics } from './metrics/work-order-metrics';
import { OfferMetrics } from './offers/offer-metrics';
import { DeadlineMetrics } from './deadline-alerts/deadline-metrics';
import { OfferSweeperService } from './offers/offer-sweeper.service';
import { OfferService } from './offers/offer.service';
import { OrganisationsModule } from './organisations/organisations.module';
import { ReferralConsumer } from './referrals/referral.consumer';
import { RelationController } from './relations/relation.controller';
import { RelationFinderService } from './relations/relation-finder.service';
import { RelationService } from './relations/relation.service';
import { RepublishController } from './republish/republish.controller';
import { RepublishService } from './republish/republish.service';
import { WorkOrderMergeService } from './relations/work-order-merge.service';
import { RoutingModule } from './routing/routing.module';
import { DeadlineSweeperService } from './deadline-alerts/deadline-sweeper.service';
import { DeadlineService } from './sla/deadline.service';
import { SupervisionLapse } from './supervision/supervision-lapse';
import { SupervisionService } from './supervision/supervision.service';
import { Coverage12345Projection } from './supervision/coverage-12345.projection';
import { SupervisorActionsService } from './supervision/supervisor-actions.service';
import { SupervisorController } from './supervision/supervisor.controller';
import { TimelineController } from './timeline/timeline.controller';
import { WorkOrderQueryController } from './work-order-queries/work-order-query.controller';
import { WorkOrderQueryService } from './work-order-queries/work-order-query.service';
import { WorkOrderDeadlines, WorkOrderEndings } from './work-orders/work-order-ports';
import { WorkOrderRecorder } from './work-orders/work-order-recorder.service';

/**
 * The work-order service's domain: intake → case code → dedupe → classification → routing → offer →
 * lifecycle with SLA clocks, supervision and a hash-chained timeline.
 */
@Module({})
export class WorkOrderModule {
  static forRoot(_env: WorkOrderEnv): DynamicModule {
    return {
      module: WorkOrderModule,
      imports: [OrganisationsModule, RoutingModule, ClassificationModule],
      controllers: [
        WorkOrderQueryController,
        TimelineController,
        SupervisorController,
        TriageController,
        RelationController,
        DeskController,
        RepublishController,
        CalendarController,
      ],
      providers: [
        WorkOrderRecorder,
        { provide: WorkOrderDeadlines, useExisting: DeadlineService },
        { provide: WorkOrderEndings, useClass: SupervisionLapse },
        WorkOrderQueryService,
        WorkOrderMetrics,
        OfferMetrics,
        DeadlineMetrics,
        CaseCodeService,
        DeadlineService,
        DeadlineSweeperService,
        SupervisionService,
        SupervisorActionsService,
        Coverage12345Projection,
        OfferService,
        OfferSweeperService,
        IntakeService,
        IntakeConsumer,
        RelationFinderService,
        RelationService,
        WorkOrderMergeService,
        RepublishService,
        HandlerReportService,
        HandlerReportConsumer,
        EvaluationConsumer,
        ReferralConsumer,
        TriageService,
        DeskService,
        CalendarService,
        CalendarMetrics,
      ],
    };
  }
}
