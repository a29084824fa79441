import { CaseCodeCounterEntity } from './case-codes/entities/case-code-counter.entity';
import { WorkOrderIntakeEntity } from './intake/entities/work-order-intake.entity';
import { OfferEntity } from './offers/entities/offer.entity';
import { OrganisationEntity } from './organisations/entities/organisation.entity';
import { StaffEntity } from './organisations/entities/staff.entity';
import { PossibleRelationEntity } from './relations/entities/possible-relation.entity';
import { RoutingDecisionEntity } from './routing/entities/routing-decision.entity';
import { RoutingRuleEntity } from './routing/entities/routing-rule.entity';
import { CalendarYearVersionEntity } from './calendar/entities/calendar-year-version.entity';
import { DeadlineEntity } from './sla/entities/deadline.entity';
import { Coverage12345Entity } from './supervision/entities/coverage-12345.entity';
import { SupervisionOrderEntity } from './supervision/entities/supervision-order.entity';
import { TimelineEntryEntity } from './work-orders/entities/timeline-entry.entity';
import { WorkOrderEntity } from './work-orders/entities/work-order.entity';

/** Every entity of the work_order schema (the kit adds the outbox and inbox). */
export const WorkOrderEntities = [
  OrganisationEntity,
  StaffEntity,
  RoutingRuleEntity,
  RoutingDecisionEntity,
  WorkOrderEntity,
  WorkOrderIntakeEntity,
  CaseCodeCounterEntity,
  TimelineEntryEntity,
  OfferEntity,
  DeadlineEntity,
  SupervisionOrderEntity,
  PossibleRelationEntity,
  CalendarYearVersionEntity,
  Coverage12345Entity,
];
