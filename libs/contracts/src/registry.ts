import type { EventDefinition } from './event-definition';
import { CalendarYearLoaded } from './events/calendar-year-loaded.event';
import { CallbackCompleted } from './events/callback-completed.event';
import { RosterCoverageChanged } from './events/roster-coverage-changed.event';
import { DeadlineDueSoon } from './events/deadline-due-soon.event';
import { DeadlineOverdue } from './events/deadline-overdue.event';
import { DefenceNotice } from './events/defence-notice.event';
import { EvaluationSubmitted } from './events/evaluation-submitted.event';
import { InfoReceived } from './events/info-received.event';
import { IntakeRegistered } from './events/intake-registered.event';
import { IntakeRejected } from './events/intake-rejected.event';
import { IntakeSubmitted } from './events/intake-submitted.event';
import { NeedsInfo } from './events/needs-info.event';
import { OfferAccepted } from './events/offer-accepted.event';
import { OfferRejected } from './events/offer-rejected.event';
import { OfferWithdrawn } from './events/offer-withdrawn.event';
import { PartnerFeedItem } from './events/partner-feed-item.event';
import {
  PartnerClientCoverage,
  PartnerTransferRequest,
  PartnerTransferUpdate,
  WorkOrderTransferredTo12345,
} from './events/partner-transfer.events';
import { Progressed } from './events/progressed.event';
import { ReferralAccepted, ReferralRejected, ReferralRequested } from './events/referral.events';
import { Resolved } from './events/resolved.event';
import { WorkOrderChanged } from './events/work-order-changed.event';
import { WorkOrderDispatched } from './events/work-order-dispatched.event';

/** Every event type the system emits or consumes. AsyncAPI is generated from this list. */
export const ALL_EVENTS: readonly EventDefinition[] = [
  IntakeSubmitted,
  IntakeRegistered,
  IntakeRejected,
  WorkOrderDispatched,
  OfferWithdrawn,
  OfferAccepted,
  OfferRejected,
  NeedsInfo,
  InfoReceived,
  Progressed,
  Resolved,
  WorkOrderChanged,
  DeadlineDueSoon,
  DeadlineOverdue,
  EvaluationSubmitted,
  CallbackCompleted,
  RosterCoverageChanged,
  ReferralRequested,
  ReferralAccepted,
  ReferralRejected,
  DefenceNotice,
  PartnerFeedItem,
  PartnerTransferUpdate,
  PartnerTransferRequest,
  PartnerClientCoverage,
  WorkOrderTransferredTo12345,
  CalendarYearLoaded,
] as unknown as readonly EventDefinition[];

const byType = new Map(ALL_EVENTS.map((e) => [e.type, e]));
if (byType.size !== ALL_EVENTS.length) throw new Error('duplicate event type in ALL_EVENTS');

export function findEventDefinition(type: string): EventDefinition | undefined {
  return byType.get(type);
}

export function eventsOnTopic(topic: string): EventDefinition[] {
  return ALL_EVENTS.filter((e) => e.topic === topic);
}
