export { HandlerKitModule } from './handler-kit.module';
export { HANDLER_API, HANDLER_DOMAIN, HANDLER_NAME, HANDLER_SETTINGS } from './handler-kit.options';
export type {
  Accepted,
  CapacityCheck,
  HandlerApi,
  HandlerDomain,
  HandlerKitOptions,
  HandlerName,
  HandlerSettings,
  OfferView,
  OfferWindow,
  OpenRequest,
  Opening,
} from './handler-kit.options';
export { matterFieldsOf, OFFER_STATUSES, Offer } from './offers/offer.entity';
export type { MatterFields, OfferStatus } from './offers/offer.entity';
export { HandlerEnv, settingsFromEnv } from './handler.env';
export { OfferInbox, SYSTEM_ACTOR } from './offers/offer-inbox.service';
export type { DispatchedData, RejectRequest, WithdrawnData } from './offers/offer-inbox.service';
export { OfferExpirySweeper } from './offers/offer-expiry.sweeper';
export { undecidable, withdrawalEffect } from './offers/offer-rules';
export type { Undecidable, WithdrawalEffect } from './offers/offer-rules';
export { assertInJurisdiction, jurisdictionPrefix, likePrefix } from './offers/staff-scope';
export { IdParamDto } from './offers/dto/id-param.dto';
export { PageQueryDto } from './offers/dto/page-query.dto';
export { OfferPageResponseDto, OfferQueryDto, OfferRejectDto, OfferResponseDto } from './offers/dto/offer.dto';
export { DISPATCH_GROUP, DispatchConsumer } from './dispatch/dispatch.consumer';
export { HandlerReporter } from './reports/handler-reporter';
export type {
  InfoReceivedReport,
  NeedsInfoReport,
  OfferAcceptedReport,
  OfferRejectedReport,
  OfferRejectionCode,
  ProgressedReport,
  ReportSubject,
  ResolvedReport,
} from './reports/handler-reporter';
export { applicantView, maskedApplicant, sealApplicant, unsealApplicant } from './applicant/sealed-applicant';
export type { ApplicantAudience, SealedApplicant } from './applicant/sealed-applicant';
export { ApplicantResponseDto } from './applicant/applicant-response.dto';
export { offerKitColumnsMigration, offerTableMigration } from './migrations/offer-table.migration';
export { WorkOrderRouterFixture } from './testing/work-order-router.fixture';
export type { DispatchData, OfferDefaults } from './testing/work-order-router.fixture';
export {
  CALENDAR_ACTOR,
  crossesChangedDay,
  DEADLINE_RECOMPUTED_STEP,
  recomputeCrossingClocks,
  recomputedDetail,
} from './calendar/calendar-clocks';
export type { CalendarClocks, OpenClock, MovedClock, RecomputedHistoryEntry } from './calendar/calendar-clocks';
export { CalendarClockFollower } from './calendar/calendar-clock-follower';
export { CalendarLoadFixture, testCalendarYear } from './calendar/calendar-load.fixture';
export type { CalendarYearData, ProgressedData } from './calendar/calendar-load.fixture';
export { isOfferForDirectIntake, publishDirectIntake } from './intake/direct-intake';
export type { DirectIntake } from './intake/direct-intake';
