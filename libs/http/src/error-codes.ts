import { HttpStatus } from '@nestjs/common';

/** One entry of the error registry: the HTTP status a code is answered with and what it means to a client. */
export interface ErrorCodeEntry {
  readonly status: HttpStatus;
  readonly meaning: string;
}

const S = HttpStatus;

/**
 * The one list of the `code` values of the system's problem+json answers (RFC 9457 `code`, the last segment of
 * `type`). Clients switch on these; a code means the same in every service. Every DomainError, ConflictError,
 * refusal and the problem filter use a code from here: libs/http/src/error-codes.spec.ts scans the sources and
 * fails on a code that is not listed, and docs/error-codes.md is generated from this list (`npm run error-codes`).
 * Add a code here before using it; reuse an existing one when it means the same thing.
 */
export const ERROR_CODES = {
  // the platform: any service
  'validation-failed': { status: S.BAD_REQUEST, meaning: 'Fields of the request are invalid; `errors[]` names each' },
  'malformed-body': { status: S.BAD_REQUEST, meaning: 'The request body is not valid JSON' },
  'body-too-deep': { status: S.BAD_REQUEST, meaning: 'The JSON body is nested deeper than the services accept' },
  'unreadable-body': { status: S.UNPROCESSABLE_ENTITY, meaning: 'The request body could not be read' },
  'payload-too-large': { status: S.PAYLOAD_TOO_LARGE, meaning: 'The request body is larger than the endpoint accepts' },
  'bad-request': { status: S.BAD_REQUEST, meaning: 'A path or query parameter is malformed (e.g. not a UUID)' },
  unauthorized: { status: S.UNAUTHORIZED, meaning: 'No bearer token, or it is invalid or expired' },
  forbidden: { status: S.FORBIDDEN, meaning: "None of the caller's roles may use this route" },
  'not-found': { status: S.NOT_FOUND, meaning: 'The record or route does not exist (or is not visible to the caller)' },
  'rate-limited': { status: S.TOO_MANY_REQUESTS, meaning: 'Too many requests; Retry-After says when to try again' },
  'idempotency-key-reused': {
    status: S.UNPROCESSABLE_ENTITY,
    meaning: 'The Idempotency-Key was already used with a different request',
  },
  'idempotency-request-in-flight': {
    status: S.CONFLICT,
    meaning: 'A request with this Idempotency-Key is still being processed; retry it',
  },
  'not-ready': { status: S.SERVICE_UNAVAILABLE, meaning: 'Readiness: a component is down; `error` names it' },
  'dependency-unavailable': {
    status: S.SERVICE_UNAVAILABLE,
    meaning: 'PostgreSQL, Redis or Kafka briefly unavailable; nothing changed, retry after Retry-After',
  },
  'internal-error': { status: S.INTERNAL_SERVER_ERROR, meaning: 'Unexpected; quote the correlationId to report it' },
  // access: staff, organisations, jurisdiction
  'out-of-jurisdiction': { status: S.FORBIDDEN, meaning: "The record is outside the staff member's area" },
  'not-your-organisation': { status: S.FORBIDDEN, meaning: 'Only the organisation holding the work order may' },
  'other-organisation': { status: S.FORBIDDEN, meaning: 'The record was registered by another organisation' },
  'no-organisation': { status: S.FORBIDDEN, meaning: 'The staff account is not attached to an organisation' },
  'not-the-receiver': { status: S.FORBIDDEN, meaning: 'Only the receiving organisation can answer the referral' },
  'not-your-application': { status: S.FORBIDDEN, meaning: "The application is another applicant's" },
  'not-your-institution': { status: S.FORBIDDEN, meaning: 'The record belongs to another appraisal institution' },
  'not-institution-head': { status: S.FORBIDDEN, meaning: 'Only the head of the appraisal institution may do this' },
  'notice-outside-partner-binding': {
    status: S.FORBIDDEN,
    meaning: "A partner's notice is not for its agency or area; `errors[]` names the fields",
  },
  // identity
  'invalid-grant': { status: S.BAD_REQUEST, meaning: 'OAuth invalid_grant: wrong credentials, code or refresh token' },
  'invalid-client': { status: S.UNAUTHORIZED, meaning: 'OAuth invalid_client: client authentication failed' },
  'account-locked': { status: S.LOCKED, meaning: 'Too many failed passwords; `lockedForSeconds` says how long' },
  'refresh-token-reused': { status: S.BAD_REQUEST, meaning: 'A used refresh token came back; the session is revoked' },
  'otp-invalid': { status: S.BAD_REQUEST, meaning: 'The one-time code is not correct' },
  'otp-expired': { status: S.BAD_REQUEST, meaning: 'The one-time code expired or was tried too often' },
  'sms-unavailable': { status: S.SERVICE_UNAVAILABLE, meaning: 'The one-time code could not be sent' },
  'client-id-taken': { status: S.CONFLICT, meaning: 'A partner client with this id exists' },
  'username-taken': { status: S.CONFLICT, meaning: 'The user name is taken' },
  'broker-access-failed': {
    status: S.SERVICE_UNAVAILABLE,
    meaning: 'The partner client was saved but its Kafka access was not applied; repeat the request',
  },
  // partner transfers (12345)
  'not-a-12345-client': { status: S.FORBIDDEN, meaning: "Only the 12345 hotline's partner client may transfer" },
  'consent-required': { status: S.UNPROCESSABLE_ENTITY, meaning: "A transfer needs the caller's consent" },
  'transfer-reference-reused': { status: S.CONFLICT, meaning: 'The reference was transferred with another matter' },
  'no-12345-coverage': {
    status: S.CONFLICT,
    meaning: "No active 12345 client covers the matter's region: not transferred",
  },
  // work orders
  'illegal-transition': { status: S.CONFLICT, meaning: 'The work order cannot move from its status to the one asked' },
  'not-in-triage': { status: S.CONFLICT, meaning: 'The work order is not in triage' },
  'offer-closed': { status: S.CONFLICT, meaning: 'The offer was already answered, withdrawn or expired' },
  'offer-expired': { status: S.CONFLICT, meaning: 'The offer expired before it was answered' },
  'offer-withdrawn': { status: S.CONFLICT, meaning: 'Work order withdrew the offer' },
  'deadline-not-running': { status: S.CONFLICT, meaning: 'Only a running or paused deadline can be changed' },
  'extension-ineffective': { status: S.CONFLICT, meaning: 'The extension would not move the deadline' },
  'merge-target-ended': { status: S.CONFLICT, meaning: 'A work order can only be merged into an open one' },
  'not-duplicates': { status: S.CONFLICT, meaning: 'The two work orders are not known to be about the same person' },
  'relation-decided': { status: S.CONFLICT, meaning: 'The suspected relation was already decided' },
  'supervision-order-resolved': { status: S.CONFLICT, meaning: 'The supervision order was already resolved' },
  'organisation-exists': { status: S.CONFLICT, meaning: 'An organisation with this id exists' },
  'staff-exists': { status: S.CONFLICT, meaning: 'A staff member with this id exists' },
  'rule-exists': { status: S.CONFLICT, meaning: 'A routing rule with this key exists; change it with PUT' },
  'work-order-not-resolved': { status: S.CONFLICT, meaning: 'Only a resolved work order can be evaluated' },
  'work-order-closed': { status: S.CONFLICT, meaning: 'The work order is closed and cannot be referred' },
  'already-evaluated': { status: S.CONFLICT, meaning: 'The work order was already evaluated' },
  // handler services: offers and opening a case
  'no-capacity': { status: S.CONFLICT, meaning: 'The organisation has no capacity to accept the offer' },
  'no-committee': { status: S.CONFLICT, meaning: 'No mediation committee serves the region' },
  'needs-staff': { status: S.CONFLICT, meaning: 'The offer cannot be accepted automatically; staff must complete it' },
  'no-institution': { status: S.CONFLICT, meaning: 'No appraisal institution is registered for the organisation' },
  // hotline
  'callback-claimed-by-another': { status: S.CONFLICT, meaning: 'Another agent claimed the callback task' },
  'callback-closed': { status: S.CONFLICT, meaning: 'The callback task is already completed or cancelled' },
  'callback-not-claimed': { status: S.CONFLICT, meaning: 'Claim the callback task before completing or releasing it' },
  'roster-shift-overlap': { status: S.CONFLICT, meaning: 'The shift overlaps another shift of the same agent or desk' },
  // portal
  'agency-directory-unavailable': { status: S.SERVICE_UNAVAILABLE, meaning: 'The agency directory is unavailable' },
  // centre
  'queue-empty': { status: S.NOT_FOUND, meaning: 'Nobody is waiting at the counter' },
  'ticket-not-called': { status: S.CONFLICT, meaning: 'Only a called ticket can be a no-show' },
  'outcome-already-recorded': { status: S.CONFLICT, meaning: "The walk-in's outcome was already recorded" },
  'referral-answered': { status: S.CONFLICT, meaning: 'The referral was already answered or lapsed' },
  'referral-pending': { status: S.CONFLICT, meaning: 'The case already has a referral waiting for an answer' },
  'referral-top-level': { status: S.CONFLICT, meaning: 'The top coordinating level must take the matter' },
  // legal aid
  'application-finished': { status: S.CONFLICT, meaning: 'The application is finished; no further step' },
  'materials-not-requestable': { status: S.CONFLICT, meaning: 'Materials can only be requested before the review' },
  'no-materials-requested': { status: S.CONFLICT, meaning: 'No materials were requested' },
  'awaiting-materials': { status: S.CONFLICT, meaning: 'Requested materials have not arrived' },
  'already-reviewed': { status: S.CONFLICT, meaning: 'The hardship review is already recorded' },
  'review-not-possible': { status: S.CONFLICT, meaning: 'The hardship review cannot be recorded in this state' },
  'review-required': { status: S.CONFLICT, meaning: 'Record the hardship review first' },
  'already-decided': { status: S.CONFLICT, meaning: 'The application or entrustment was already decided' },
  'decision-not-possible': { status: S.CONFLICT, meaning: 'The decision cannot be recorded in this state' },
  'hardship-not-met': { status: S.CONFLICT, meaning: 'No economic hardship found; an officer must override' },
  'threshold-missing': { status: S.UNPROCESSABLE_ENTITY, meaning: 'No economic-hardship threshold is configured' },
  'province-threshold-required': { status: S.CONFLICT, meaning: 'The province default threshold cannot be deleted' },
  'already-appointed': { status: S.CONFLICT, meaning: 'A lawyer is already appointed' },
  'appointment-before-grant': { status: S.CONFLICT, meaning: 'A lawyer can only be appointed once aid is granted' },
  'no-lawyer-available': { status: S.CONFLICT, meaning: 'No lawyer can be appointed' },
  'lawyer-unavailable': { status: S.CONFLICT, meaning: 'The lawyer is inactive or at capacity' },
  'lawyer-outside-area': { status: S.CONFLICT, meaning: "The lawyer practises outside the matter's county and city" },
  'capacity-below-load': { status: S.CONFLICT, meaning: 'Capacity cannot go below the open appointments' },
  'default-capacity-required': { status: S.CONFLICT, meaning: 'The default capacity row cannot be deleted' },
  'closure-not-possible': { status: S.CONFLICT, meaning: 'Only granted aid with an appointed lawyer can close' },
  'return-visit-completed': { status: S.CONFLICT, meaning: 'The return visit was already completed' },
  // mediation
  'case-closed': { status: S.CONFLICT, meaning: 'The mediation case is closed' },
  'committee-exists': { status: S.CONFLICT, meaning: 'The division already has a committee' },
  'keyword-exists': { status: S.CONFLICT, meaning: 'The dispute keyword exists' },
  'session-not-scheduled': { status: S.CONFLICT, meaning: 'The session is not scheduled' },
  'no-session-held': { status: S.CONFLICT, meaning: 'An agreement is reached at a session: record a held session' },
  'no-agreement': { status: S.CONFLICT, meaning: 'Only an agreement reached in mediation can be confirmed by a court' },
  'confirmation-requested': { status: S.CONFLICT, meaning: 'Judicial confirmation was already requested' },
  'confirmation-not-requested': { status: S.CONFLICT, meaning: 'No judicial confirmation was requested' },
  'confirmation-decided': { status: S.CONFLICT, meaning: 'The court already decided the confirmation' },
  'confirmation-period-passed': { status: S.CONFLICT, meaning: 'The period to apply for judicial confirmation passed' },
  // notarization
  'illegal-step': { status: S.CONFLICT, meaning: "The step is not allowed in the application's status" },
  'matter-exists': { status: S.CONFLICT, meaning: 'A notarial matter with this code exists' },
  // judicial appraisal
  'not-under-way': { status: S.CONFLICT, meaning: 'The entrustment is not under way' },
  'appraisers-missing': { status: S.CONFLICT, meaning: 'Two qualified appraisers must be assigned first' },
  'appraiser-count': { status: S.UNPROCESSABLE_ENTITY, meaning: 'An entrustment needs two appraisers (art. 19)' },
  'same-appraiser': { status: S.UNPROCESSABLE_ENTITY, meaning: 'The two appraisers must be different people' },
  'unknown-appraiser': { status: S.UNPROCESSABLE_ENTITY, meaning: 'The appraiser is not at the institution' },
  'not-qualified': { status: S.UNPROCESSABLE_ENTITY, meaning: 'The appraiser is not qualified for the category' },
  'term-paused': { status: S.CONFLICT, meaning: 'The appraisal term is paused' },
  'term-expired': { status: S.CONFLICT, meaning: 'The appraisal term has expired' },
  'already-paused': { status: S.CONFLICT, meaning: 'The appraisal term is already paused' },
  'not-paused': { status: S.CONFLICT, meaning: 'The appraisal term is not paused' },
  'before-pause': { status: S.CONFLICT, meaning: 'The resumption is dated before the pause' },
  'before-running': { status: S.CONFLICT, meaning: 'The date is before the term started' },
  future: { status: S.CONFLICT, meaning: 'The date is in the future' },
  'extension-already-granted': { status: S.CONFLICT, meaning: 'The one extension (art. 28) was already granted' },
  'extension-too-long': { status: S.CONFLICT, meaning: 'An extension is at most 30 working days (art. 28)' },
} as const satisfies Record<string, ErrorCodeEntry>;

/** A registered error code. */
export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_CODES, code);
}
