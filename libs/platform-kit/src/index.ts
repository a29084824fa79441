export { platformKitEntities } from './entities';
export {
  canonicalJson,
  idempotencyRedisKey,
  isValidIdempotencyKey,
  requestFingerprint,
} from './idempotency/idempotency-fingerprint';
export type { RequestIdentity } from './idempotency/idempotency-fingerprint';
export { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
export { IDEMPOTENCY_HEADER, Idempotent, IDEMPOTENT_KEY } from './idempotency/idempotent.decorator';
export type { IdempotentOptions } from './idempotency/idempotent.decorator';
export {
  ACCESS_CODE_ALPHABET,
  ACCESS_CODE_LENGTH,
  accessCodeHash,
  newAccessCode,
  normalizeAccessCode,
} from './intake/access-code';
export type { IntakeInput, IntakeStatusView, SubmittedIntake } from './intake/intake-input';
export { IntakeSubmissionService, LINKED_NOTE } from './intake/intake-submission.service';
export type { IntakeAudience, IntakeOutcomeListener } from './intake/intake-submission.service';
export { INTAKE_STATUSES, PlatformIntake } from './intake/platform-intake.entity';
export type { IntakeStatus } from './intake/platform-intake.entity';
export { ReadModelLagMetric } from './metrics/read-model-lag.metric';
export type { Projection } from './metrics/read-model-lag.metric';
export { platformKitMigrations } from './migrations';
export { PlatformKitModule } from './platform-kit.module';
export { PLATFORM_KIT_OPTIONS, PLATFORM_NAMES } from './platform-kit.options';
export type { PlatformKitOptions, PlatformName } from './platform-kit.options';
export { citizenStatusText, formatDueDate } from './status-text/citizen-status-text';
export type { CitizenStatusText, StatusTextSource } from './status-text/citizen-status-text';
export { queryRows, tableOf } from './sql';
export { SERVICE_NAMES, serviceName } from './status-text/service-names';
export type { StatusLocale } from './status-text/service-names';
export {
  CitizenSummaryResponseDto,
  DeadlineResponseDto,
  StatusTextResponseDto,
  TimelineEntryResponseDto,
  WorkOrderViewResponseDto,
} from './work-order-view/dto/work-order-view-response.dto';
export { WorkOrderView } from './work-order-view/work-order-view.entity';
export type { TimelineEntry } from './work-order-view/work-order-view.entity';
export {
  staffMaySeeComplainant,
  staffMaySeeWorkOrder,
  toWorkOrderViewResponse,
} from './work-order-view/work-order-view.mapper';
export type { ViewAudience } from './work-order-view/work-order-view.mapper';
export type {
  Page,
  PageRequest,
  WorkOrderViewPage,
  WorkOrderViewSearch,
} from './work-order-view/work-order-view.query';
export { WorkOrderViewService } from './work-order-view/work-order-view.service';
export type { WorkOrderChangeListener } from './work-order-view/work-order-view.service';
export { toShanghaiTime } from './status-text/shanghai-time';
export { citizenMayReadNote } from './work-order-view/work-order-view.mapper';
