import type { Deadline } from '@legal/contracts';
import { addWorkingDays, DeadlineComputation, isValidCaseCode } from '@legal/domain';
import type { FieldError } from '@legal/http';
import { APPRAISAL_CATEGORY_CODES, categoryLabel } from './appraisal-categories';

/**
 * Pure rules of an entrustment (委托) before the appraisal starts: who may entrust and what they must
 * give, and the period within which the institution decides whether to accept (《司法鉴定程序通则》 2016).
 * No I/O: the service stores the returned explanations with the entrustment.
 */

export const ENTRUSTING_PARTY_KINDS = ['court', 'party', 'legal-aid'] as const;
/** A court (人民法院), a party of a dispute (当事人), or a legal-aid case (法律援助案件) entrusting the appraisal. */
export type EntrustingPartyKind = (typeof ENTRUSTING_PARTY_KINDS)[number];

export const COMPLEXITIES = ['ordinary', 'complex'] as const;
/** `complex`: 复杂、疑难或者特殊鉴定事项, for which the acceptance period is agreed with the entrusting party. */
export type Complexity = (typeof COMPLEXITIES)[number];

/** Art. 13: decide within 7 working days of receiving the entrustment. */
export const ACCEPTANCE_WORKING_DAYS = 7;
/** Entrustment by letter (函件委托): 10 working days, as the provincial rules allow for mail. */
export const ACCEPTANCE_WORKING_DAYS_BY_LETTER = 10;
/** Upper bound of an agreed acceptance period for complex matters (a sanity bound, not a statute). */
export const MAX_AGREED_ACCEPTANCE_WORKING_DAYS = 60;

const ACCEPTANCE_BASIS = '《司法鉴定程序通则》(2016) art. 13';

/** How far back an entrustment may be registered (received by letter, registered late): a sanity bound. */
export const MAX_BACKDATING_DAYS = 366;
const DAY_MS = 24 * 3600_000;

/** Art. 15: the grounds on which an institution must not accept (不得受理) an entrustment. */
export const DECLINE_REASONS = [
  'outside-practice-scope',
  'materials-not-authentic-or-insufficient',
  'unlawful-or-unethical-request',
  'beyond-technical-capacity',
  'other',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export interface EntrustingParty {
  kind: EntrustingPartyKind;
  /** The court's or legal-aid centre's name, or the party's name. */
  name: string;
  /** Court entrustments: the court's case number (案号), e.g. (2026)鲁1324民初123号. */
  courtCaseNumber?: string;
  /** Legal-aid entrustments: the legal-aid case's case code (一案一码). */
  legalAidCaseCode?: string;
}

export interface EntrustmentFacts {
  party: EntrustingParty;
  category: string;
  byLetter: boolean;
  complexity: Complexity;
  /** Complex matters only: the acceptance period agreed with the entrusting party, in working days. */
  agreedAcceptanceWorkingDays?: number;
  receivedAt: Date;
}

/** What the receiving institution is licensed for. */
export interface InstitutionScope {
  code: string;
  categories: readonly string[];
}

/** A court case number: (year) court abbreviation, case kind and number, 号. */
const COURT_CASE_NUMBER = /^[(（]\d{4}[)）][\u4e00-\u9fa5A-Za-z0-9]{2,30}号$/u;

/**
 * Every rule the entrustment breaks, as field errors (empty when valid). `now` bounds `receivedAt`:
 * an entrustment cannot be received in the future.
 */
export function validateEntrustment(facts: EntrustmentFacts, institution: InstitutionScope, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, code: string, message: string): void => {
    errors.push({ field, codes: [code], messages: [message] });
  };
  const { party } = facts;
  if (party.kind === 'court') {
    if (!party.courtCaseNumber) {
      add('party.courtCaseNumber', 'required', 'a court entrustment names the court case number (案号)');
    } else if (!COURT_CASE_NUMBER.test(party.courtCaseNumber)) {
      add('party.courtCaseNumber', 'format', 'a court case number reads like (2026)鲁1324民初123号');
    }
  } else if (party.courtCaseNumber) {
    add('party.courtCaseNumber', 'notAllowed', 'only a court entrustment carries a court case number');
  }
  if (party.kind === 'legal-aid') {
    if (!party.legalAidCaseCode) {
      add('party.legalAidCaseCode', 'required', 'a legal-aid entrustment names the legal-aid case code');
    } else if (!isValidCaseCode(party.legalAidCaseCode)) {
      add('party.legalAidCaseCode', 'caseCode', 'the legal-aid case code does not verify (check character)');
    }
  } else if (party.legalAidCaseCode) {
    add('party.legalAidCaseCode', 'notAllowed', 'only a legal-aid entrustment carries a case code');
  }
  if (!(APPRAISAL_CATEGORY_CODES as readonly string[]).includes(facts.category)) {
    add('category', 'isIn', `category must be one of ${APPRAISAL_CATEGORY_CODES.join(', ')}`);
  } else if (!institution.categories.includes(facts.category)) {
    const label = categoryLabel(facts.category);
    add('category', 'outsideScope', `institution ${institution.code} is not licensed for ${label}`);
  }
  if (facts.complexity === 'complex') {
    const days = facts.agreedAcceptanceWorkingDays;
    if (days === undefined) {
      const message = 'a complex matter needs the acceptance period agreed with the entrusting party';
      add('agreedAcceptanceWorkingDays', 'required', message);
    } else if (!Number.isInteger(days) || days < 1 || days > MAX_AGREED_ACCEPTANCE_WORKING_DAYS) {
      const message = `the agreed period is 1..${MAX_AGREED_ACCEPTANCE_WORKING_DAYS} working days`;
      add('agreedAcceptanceWorkingDays', 'range', message);
    }
  } else if (facts.agreedAcceptanceWorkingDays !== undefined) {
    const message = 'only a complex matter has an agreed acceptance period (art. 13)';
    add('agreedAcceptanceWorkingDays', 'notAllowed', message);
  }
  if (facts.receivedAt.getTime() > now.getTime()) {
    add('receivedAt', 'future', 'an entrustment cannot be received in the future');
  } else if (now.getTime() - facts.receivedAt.getTime() > MAX_BACKDATING_DAYS * DAY_MS) {
    add('receivedAt', 'tooOld', `an entrustment is registered within ${MAX_BACKDATING_DAYS} days of its receipt`);
  }
  return errors;
}

export interface AcceptancePeriod {
  workingDays: number;
  computation: DeadlineComputation;
  dueAt: Date;
  /** Why this period: the basis, the kind of entrustment and the day count. Stored with the entrustment. */
  explanation: string;
}

/** The period within which the institution decides whether to accept (art. 13). */
export function acceptancePeriod(
  facts: Pick<EntrustmentFacts, 'byLetter' | 'complexity' | 'agreedAcceptanceWorkingDays' | 'receivedAt'>,
): AcceptancePeriod {
  let workingDays: number;
  let why: string;
  if (facts.complexity === 'complex' && facts.agreedAcceptanceWorkingDays !== undefined) {
    workingDays = facts.agreedAcceptanceWorkingDays;
    why = `complex matter (复杂/疑难): ${workingDays} working days agreed with the entrusting party`;
  } else if (facts.byLetter) {
    workingDays = ACCEPTANCE_WORKING_DAYS_BY_LETTER;
    why = `entrustment by letter (函件委托): ${workingDays} working days`;
  } else {
    workingDays = ACCEPTANCE_WORKING_DAYS;
    why = `entrustment received in person: ${workingDays} working days`;
  }
  const computation = addWorkingDays(facts.receivedAt, workingDays);
  return {
    workingDays,
    computation,
    dueAt: computation.dueAt,
    explanation: `${ACCEPTANCE_BASIS}, decide whether to accept; ${why}. ${computation.explanation}`,
  };
}

/** `kind` of the acceptance period in reported deadlines. */
export const ACCEPTANCE_DEADLINE_KIND = 'judicial-appraisal-acceptance';

/** The acceptance period as the contracts' Deadline: running until decided, then met or breached. */
export function acceptanceDeadline(
  period: { dueAt: Date; explanation: string },
  timeliness?: 'met' | 'breached',
): Deadline {
  return {
    kind: ACCEPTANCE_DEADLINE_KIND,
    dueAt: period.dueAt.toISOString(),
    rule: 'working-days',
    explanation: period.explanation.slice(0, 2000),
    status: timeliness ?? 'running',
  };
}

export type AcceptanceDecision = { accept: true } | { accept: false; reasonCode: DeclineReason; reason: string };

export interface DecisionRecord {
  /** met: decided on or before the due instant; breached: after it. */
  timeliness: 'met' | 'breached';
  explanation: string;
}

/**
 * Records a decision against the acceptance period: whether it was in time, and what it means. Acceptance
 * signs the entrustment agreement (委托协议, art. 14), whose day starts the appraisal term (art. 28).
 */
export function recordDecision(decision: AcceptanceDecision, period: { dueAt: Date }, decidedAt: Date): DecisionRecord {
  const timeliness = decidedAt.getTime() <= period.dueAt.getTime() ? 'met' : 'breached';
  const relation = timeliness === 'met' ? 'within' : 'after';
  const due = period.dueAt.toISOString();
  const when = `decided ${decidedAt.toISOString()}, ${relation} the acceptance period (due ${due})`;
  const explanation = decision.accept
    ? `Accepted: entrustment agreement (委托协议) signed, the appraisal term starts (art. 14, 28); ${when}.`
    : `Not accepted (art. 15, ${decision.reasonCode}): ${decision.reason}; ${when}.`;
  return { timeliness, explanation };
}
