import { INDICATORS } from './indicator-definitions';
import type { PopulationAnswer } from './population';

/** The counts one scan of the read model yields for a region and period (or one group of them). */
export interface Counts {
  total: number;
  hotline: number;
  portal: number;
  centre: number;
  legalAidAccepted: number;
  dutyLawyer: number;
  dutyLawyerAccepted: number;
  notifiedDefence: number;
  notifiedDefenceAccepted: number;
  dispatchHoursSum: number;
  dispatched: number;
  acceptanceHoursSum: number;
  accepted: number;
  routingFallback: number;
  supervisorQueue: number;
  supervised: number;
  supervisionResolved: number;
  evaluated: number;
  goodEvaluations: number;
  resolved: number;
  reopened: number;
  complaints: number;
  duplicates: number;
  related: number;
  deadlinesMet: number;
  deadlinesBreached: number;
  overdue: number;
  mediationMet: number;
  mediationBreached: number;
  notarizationMet: number;
  notarizationBreached: number;
  legalAidDecisionMet: number;
  legalAidDecisionBreached: number;
  registered: number;
  registrationMinutesSum: number;
  aidGranted: number;
  aidDenied: number;
  aidExempt: number;
  mediationEnded: number;
  mediationAgreements: number;
  agreementsConfirmed: number;
  callbacksCompleted: number;
  callbacksOnTime: number;
  /** Minutes of the period's days with at least one hotline agent on duty (province only: the roster is one). */
  rosterCoveredMinutes: number;
  /** Minutes of the period's days (1440 a day) behind rosterCoveredMinutes; 0 where not counted. */
  rosterMinutes: number;
  /** Offers made in the period (offer_fact, by offeredAt) that have ended: accepted, rejected, expired or withdrawn. */
  offersEnded: number;
  /** Offers of the period the organisation accepted, rejected or let expire (withdrawn ones had no fair chance). */
  offersAnswerable: number;
  offersAccepted: number;
  offersExpired: number;
  /** Median minutes from offer to acceptance over the accepted offers; 0 when none. */
  offerAcceptanceMinutesMedian: number;
}

/** The counts read from the hotline's roster coverage, not from the work-order or deadline facts. */
export type RosterCount = 'rosterCoveredMinutes' | 'rosterMinutes';

/** The counts read from the offer facts (one row per offer), not from the work-order or deadline facts. */
export type OfferCount =
  'offersEnded' | 'offersAnswerable' | 'offersAccepted' | 'offersExpired' | 'offerAcceptanceMinutesMedian';

export const EMPTY_COUNTS: Counts = {
  total: 0,
  hotline: 0,
  portal: 0,
  centre: 0,
  legalAidAccepted: 0,
  dutyLawyer: 0,
  dutyLawyerAccepted: 0,
  notifiedDefence: 0,
  notifiedDefenceAccepted: 0,
  dispatchHoursSum: 0,
  dispatched: 0,
  acceptanceHoursSum: 0,
  accepted: 0,
  routingFallback: 0,
  supervisorQueue: 0,
  supervised: 0,
  supervisionResolved: 0,
  evaluated: 0,
  goodEvaluations: 0,
  resolved: 0,
  reopened: 0,
  complaints: 0,
  duplicates: 0,
  related: 0,
  deadlinesMet: 0,
  deadlinesBreached: 0,
  overdue: 0,
  mediationMet: 0,
  mediationBreached: 0,
  notarizationMet: 0,
  notarizationBreached: 0,
  legalAidDecisionMet: 0,
  legalAidDecisionBreached: 0,
  registered: 0,
  registrationMinutesSum: 0,
  aidGranted: 0,
  aidDenied: 0,
  aidExempt: 0,
  mediationEnded: 0,
  mediationAgreements: 0,
  agreementsConfirmed: 0,
  callbacksCompleted: 0,
  callbacksOnTime: 0,
  rosterCoveredMinutes: 0,
  rosterMinutes: 0,
  offersEnded: 0,
  offersAnswerable: 0,
  offersAccepted: 0,
  offersExpired: 0,
  offerAcceptanceMinutesMedian: 0,
};

/** One indicator's figure: its value (null when its denominator is zero or unknown) and the counts behind it. */
export interface IndicatorValue {
  code: string;
  value: number | null;
  numerator: number;
  denominator: number | null;
  /** Present (false) where this figure cannot be measured although the indicator can: `reason` says why. */
  measurable?: false;
  reason?: string;
  /** Legal-aid cases per 100,000 only: the period's value scaled to a year (× 365 / days of the period). */
  annualised?: number | null;
}

const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;

function ratio(code: string, numerator: number, denominator: number): IndicatorValue {
  return { code, value: denominator === 0 ? null : round((numerator / denominator) * 100), numerator, denominator };
}

function mean(code: string, sum: number, n: number): IndicatorValue {
  return { code, value: n === 0 ? null : round(sum / n), numerator: round(sum), denominator: n };
}

function count(code: string, n: number): IndicatorValue {
  return { code, value: n, numerator: n, denominator: null };
}

/**
 * The count behind each indicator's numerator (for a mean: the work orders averaged), from which the drill-down
 * selects its work orders; absent for an indicator the stream cannot measure.
 */
export const NUMERATOR_COUNT: Readonly<Record<string, keyof Counts>> = {
  intakes: 'total',
  'online-share': 'portal',
  'share-hotline': 'hotline',
  'share-portal': 'portal',
  'share-centre': 'centre',
  'minutes-to-case-code': 'registered',
  'legal-aid-per-100k': 'legalAidAccepted',
  'duty-lawyer-assigned': 'dutyLawyerAccepted',
  'notified-defence-assigned': 'notifiedDefenceAccepted',
  'mediation-on-term': 'mediationMet',
  'hours-to-dispatch': 'dispatched',
  'hours-to-acceptance': 'accepted',
  'routing-fallback-rate': 'routingFallback',
  'supervisor-queue-rate': 'supervisorQueue',
  'deadlines-met': 'deadlinesMet',
  overdue: 'overdue',
  'supervision-orders': 'supervised',
  'supervision-resolved': 'supervisionResolved',
  satisfaction: 'goodEvaluations',
  'reopen-rate': 'reopened',
  'complaint-rate': 'complaints',
  'duplicate-rate': 'duplicates',
  'related-rate': 'related',
  'notarization-in-term': 'notarizationMet',
  'legal-aid-decision-in-term': 'legalAidDecisionMet',
  'legal-aid-grant-rate': 'aidGranted',
  'legal-aid-exempt-share': 'aidExempt',
  'mediation-agreement-rate': 'mediationAgreements',
  'judicial-confirmation-rate': 'agreementsConfirmed',
  'callback-timeliness': 'callbacksOnTime',
  'offer-acceptance-rate': 'offersAccepted',
  'minutes-to-offer-acceptance': 'offersAccepted',
  'offer-expired-share': 'offersExpired',
};

/**
 * Legal-aid cases per 100,000 residents over the period, and annualised (× 365 / days of the period) for comparison
 * with the yearly target; not measurable, with the reason, where the region's population is not kept.
 */
function perHundredThousand(cases: number, population: PopulationAnswer, periodDays?: number): IndicatorValue {
  const code = 'legal-aid-per-100k';
  if ('missing' in population) {
    return { code, value: null, numerator: cases, denominator: null, measurable: false, reason: population.missing };
  }
  const exact = (cases / population.population) * 100_000;
  const annualised = periodDays ? round((exact * 365) / periodDays, 4) : null;
  return { code, value: round(exact, 4), numerator: cases, denominator: population.population, annualised };
}

/**
 * Every indicator's value from one set of counts; `population` is the region's (or why there is none), `periodDays`
 * the days of the period (for the annualised legal-aid figure).
 */
export function indicatorValues(c: Counts, population: PopulationAnswer, periodDays?: number): IndicatorValue[] {
  const values: Record<string, IndicatorValue> = {
    intakes: count('intakes', c.total),
    'online-share': ratio('online-share', c.portal, c.total),
    'share-hotline': ratio('share-hotline', c.hotline, c.total),
    'share-portal': ratio('share-portal', c.portal, c.total),
    'share-centre': ratio('share-centre', c.centre, c.total),
    'legal-aid-per-100k': perHundredThousand(c.legalAidAccepted, population, periodDays),
    'duty-lawyer-assigned': ratio('duty-lawyer-assigned', c.dutyLawyerAccepted, c.dutyLawyer),
    'notified-defence-assigned': ratio('notified-defence-assigned', c.notifiedDefenceAccepted, c.notifiedDefence),
    'mediation-on-term': ratio('mediation-on-term', c.mediationMet, c.mediationMet + c.mediationBreached),
    'hours-to-dispatch': mean('hours-to-dispatch', c.dispatchHoursSum, c.dispatched),
    'hours-to-acceptance': mean('hours-to-acceptance', c.acceptanceHoursSum, c.accepted),
    'routing-fallback-rate': ratio('routing-fallback-rate', c.routingFallback, c.total),
    'supervisor-queue-rate': ratio('supervisor-queue-rate', c.supervisorQueue, c.total),
    'deadlines-met': ratio('deadlines-met', c.deadlinesMet, c.deadlinesMet + c.deadlinesBreached),
    overdue: count('overdue', c.overdue),
    'supervision-orders': count('supervision-orders', c.supervised),
    'supervision-resolved': ratio('supervision-resolved', c.supervisionResolved, c.supervised),
    satisfaction: ratio('satisfaction', c.goodEvaluations, c.evaluated),
    'reopen-rate': ratio('reopen-rate', c.reopened, c.resolved),
    'complaint-rate': ratio('complaint-rate', c.complaints, c.total - c.complaints),
    'duplicate-rate': ratio('duplicate-rate', c.duplicates, c.total),
    'related-rate': ratio('related-rate', c.related, c.total),
    'notarization-in-term': ratio(
      'notarization-in-term',
      c.notarizationMet,
      c.notarizationMet + c.notarizationBreached,
    ),
    'legal-aid-decision-in-term': ratio(
      'legal-aid-decision-in-term',
      c.legalAidDecisionMet,
      c.legalAidDecisionMet + c.legalAidDecisionBreached,
    ),
    'minutes-to-case-code': mean('minutes-to-case-code', c.registrationMinutesSum, c.registered),
    'legal-aid-grant-rate': ratio('legal-aid-grant-rate', c.aidGranted, c.aidGranted + c.aidDenied),
    'legal-aid-exempt-share': ratio('legal-aid-exempt-share', c.aidExempt, c.aidGranted),
    'mediation-agreement-rate': ratio('mediation-agreement-rate', c.mediationAgreements, c.mediationEnded),
    'judicial-confirmation-rate': ratio('judicial-confirmation-rate', c.agreementsConfirmed, c.mediationAgreements),
    'hotline-coverage': ratio('hotline-coverage', c.rosterCoveredMinutes, c.rosterMinutes),
    'callback-timeliness': ratio('callback-timeliness', c.callbacksOnTime, c.callbacksCompleted),
    'offer-acceptance-rate': ratio('offer-acceptance-rate', c.offersAccepted, c.offersAnswerable),
    'minutes-to-offer-acceptance': {
      code: 'minutes-to-offer-acceptance',
      value: c.offersAccepted === 0 ? null : round(c.offerAcceptanceMinutesMedian),
      numerator: c.offersAccepted === 0 ? 0 : round(c.offerAcceptanceMinutesMedian),
      denominator: c.offersAccepted,
    },
    'offer-expired-share': ratio('offer-expired-share', c.offersExpired, c.offersEnded),
  };
  return INDICATORS.map((d) => values[d.code]);
}
