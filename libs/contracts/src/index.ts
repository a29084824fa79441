export { CE_HEADERS, DLQ_HEADERS } from './envelope';
export type { CloudEvent, DeadLetterReason } from './envelope';
export { defineEvent } from './event-definition';
export type { EventData, EventDefinition, ServiceName } from './event-definition';
export { DeadlineDueSoon } from './events/deadline-due-soon.event';
export { DeadlineOverdue } from './events/deadline-overdue.event';
export { CalendarYearLoaded } from './events/calendar-year-loaded.event';
export { DefenceNotice } from './events/defence-notice.event';
export { EvaluationSubmitted } from './events/evaluation-submitted.event';
export { CallbackCompleted } from './events/callback-completed.event';
export { RosterCoverageChanged } from './events/roster-coverage-changed.event';
export { InfoReceived } from './events/info-received.event';
export { IntakeRegistered } from './events/intake-registered.event';
export { IntakeRejected } from './events/intake-rejected.event';
export { IntakeSubmitted } from './events/intake-submitted.event';
export { NeedsInfo } from './events/needs-info.event';
export { OFFER_REJECTION_REASONS, OfferRejected } from './events/offer-rejected.event';
export { OfferAccepted } from './events/offer-accepted.event';
export { OfferWithdrawn } from './events/offer-withdrawn.event';
export { PartnerFeedItem } from './events/partner-feed-item.event';
export {
  CALLBACK_WITHHELD_REASONS,
  PartnerClientCoverage,
  PartnerSealedJwe,
  PartnerTransferRequest,
  PartnerTransferUpdate,
  TRANSFER_CONSENT_METHODS,
  TRANSFER_STAGES,
  WorkOrderTransferredTo12345,
} from './events/partner-transfer.events';
export { Progressed } from './events/progressed.event';
export { ReferralAccepted, ReferralRejected, ReferralRequested } from './events/referral.events';
export { Resolved } from './events/resolved.event';
export { WorkOrderChanged } from './events/work-order-changed.event';
export { WorkOrderDispatched } from './events/work-order-dispatched.event';
export { agreeableFields, PARTNER_AGREEABLE_TOPICS, PARTNER_SOURCE_EVENTS } from './partner-fields';
export { ALL_EVENTS, eventsOnTopic, findEventDefinition } from './registry';
export * from './schemas/common.schema';
export {
  findService,
  HANDLER_SERVICE_CODES,
  HANDLER_SERVICE_NAMES,
  HANDLER_SERVICES,
  handlerServiceByCode,
  handlerServiceFor,
  isRegisteredService,
  PLATFORM_SERVICE_NAMES,
  REGISTERED_SERVICE_NAMES,
  SERVICE_REGISTRY,
  serviceManifest,
} from './registry/service-registry';
export type {
  HandlerOrganisationKind,
  HandlerProfile,
  HandlerServiceEntry,
  HandlerServiceCode,
  HandlerServiceName,
  PlatformServiceName,
  RegisteredServiceName,
  SeedLevel,
  ServiceKind,
  ServiceManifestRow,
  ServiceRegistryEntry,
} from './registry/service-registry';
export {
  ALL_TOPIC_NAMES,
  COMPACTED_TOPIC_NAMES,
  deadLetterTopic,
  PARTNER_FEED,
  partnerFeedTopic,
  prefixedTopic,
  TOPICS,
} from './topics';
export type { PartnerFeedChannel, TopicKey, TopicName } from './topics';
export { checkEventPayload, checkWirePayload, compileAllSchemas } from './validation';
export { workOrderIdForIntake } from './work-order-id';
export { SealedJwe, sealedFieldsOf, sealRecipientsOf, wireExampleOf, wireSchemaOf } from './sealing';
export type { PayloadCheck } from './validation';
