import { HANDLER_SERVICE_CODES, handlerServiceFor } from '@legal/contracts';
import type { HandlerServiceCode } from '@legal/contracts';
import { DeadlineRule } from '../calendar/deadline.types';

/**
 * The service catalogue (DOMAIN.md): what a work order can ask for, who handles it, and the statutory
 * deadlines the router must track. Codes are stable identifiers stored in work orders and events;
 * never rename one, add a new code instead. Which handler service takes a type comes from the service
 * registry (@legal/contracts `SERVICE_REGISTRY`, each handler's `serviceTypes`).
 */
/** Who takes a type no handler service claims: the 12348 hotline answers it, or a registered agency does. */
export type NonServiceHandler = 'hotline' | 'external-agency';
/** The handler service (registry wire code) that handles a type in depth, or a non-service handler. */
export type ServiceHandler = HandlerServiceCode | NonServiceHandler;
export const SERVICE_HANDLERS: readonly ServiceHandler[] = [...HANDLER_SERVICE_CODES, 'hotline', 'external-agency'];

export interface ServiceDeadline {
  /** What must have happened by the deadline. */
  readonly milestone: 'decision' | 'lawyer-appointed' | 'certificate-issued' | 'settled';
  /** The event that starts the period (its day is not counted). */
  readonly startsAt: 'application-received' | 'aid-granted' | 'notice-received' | 'application-accepted';
  readonly rule: DeadlineRule;
  readonly n: number;
  /** Where the period comes from. */
  readonly basis: string;
}

export interface ServiceTypeDefinition {
  readonly code: string;
  readonly labelZh: string;
  readonly labelEn: string;
  /** The registry's handler service for the type, else `withoutService`. */
  readonly handler: ServiceHandler;
  /** A narrower form of another type (duty-lawyer help and notified defence are forms of legal aid). */
  readonly parent: string | undefined;
  /** The plan requires 一案一码 for lawyer, notary, judicial-appraisal, arbitration and legal-aid cases. */
  readonly caseCodeRequired: boolean;
  readonly deadlines: readonly ServiceDeadline[];
}

const LEGAL_AID_LAW = '法律援助法 (2022)';

function deadline(
  milestone: ServiceDeadline['milestone'],
  startsAt: ServiceDeadline['startsAt'],
  rule: DeadlineRule,
  n: number,
  basis: string,
): ServiceDeadline {
  return { milestone, startsAt, rule, n, basis };
}

/** The catalogue as written: `withoutService` is who takes a type when no handler service claims it. */
const CATALOGUE = [
  {
    code: 'legal-consultation',
    labelZh: '法律咨询',
    labelEn: 'Legal consultation',
    withoutService: 'hotline',
    parent: undefined,
    caseCodeRequired: false,
    deadlines: [],
  },
  {
    code: 'legal-aid',
    labelZh: '法律援助',
    labelEn: 'Legal aid (civil and administrative)',
    withoutService: 'external-agency',
    parent: undefined,
    caseCodeRequired: true,
    deadlines: [
      deadline('decision', 'application-received', 'calendar-days', 7, LEGAL_AID_LAW),
      deadline('lawyer-appointed', 'aid-granted', 'calendar-days', 3, LEGAL_AID_LAW),
    ],
  },
  {
    code: 'duty-lawyer',
    labelZh: '值班律师法律帮助',
    labelEn: 'Duty lawyer assistance',
    withoutService: 'external-agency',
    parent: 'legal-aid',
    caseCodeRequired: true,
    deadlines: [],
  },
  {
    code: 'notified-defence',
    labelZh: '通知辩护',
    labelEn: 'Notified defence',
    withoutService: 'external-agency',
    parent: 'legal-aid',
    caseCodeRequired: true,
    deadlines: [deadline('lawyer-appointed', 'notice-received', 'calendar-days', 3, LEGAL_AID_LAW)],
  },
  {
    code: 'mediation',
    labelZh: '人民调解',
    labelEn: "People's mediation",
    withoutService: 'external-agency',
    parent: undefined,
    caseCodeRequired: false,
    deadlines: [
      deadline('settled', 'application-accepted', 'calendar-days', 30, '人民调解: generally within one month'),
    ],
  },
  {
    code: 'notarization',
    labelZh: '公证',
    labelEn: 'Notarization',
    withoutService: 'external-agency',
    parent: undefined,
    caseCodeRequired: true,
    deadlines: [deadline('certificate-issued', 'application-accepted', 'working-days', 15, '公证程序规则')],
  },
  {
    code: 'judicial-appraisal',
    labelZh: '司法鉴定',
    labelEn: 'Judicial appraisal',
    withoutService: 'external-agency',
    parent: undefined,
    caseCodeRequired: true,
    deadlines: [],
  },
  {
    code: 'arbitration',
    labelZh: '仲裁',
    labelEn: 'Arbitration',
    withoutService: 'external-agency',
    parent: undefined,
    caseCodeRequired: true,
    deadlines: [],
  },
  {
    code: 'lawyer-referral',
    labelZh: '律师服务',
    labelEn: 'Lawyer referral',
    withoutService: 'external-agency',
    parent: undefined,
    caseCodeRequired: true,
    deadlines: [],
  },
  {
    code: 'grassroots-legal-service',
    labelZh: '基层法律服务',
    labelEn: 'Grassroots legal services',
    withoutService: 'external-agency',
    parent: undefined,
    caseCodeRequired: false,
    deadlines: [],
  },
  {
    code: 'village-legal-adviser',
    labelZh: '村(居)法律顾问',
    labelEn: 'Village legal adviser',
    withoutService: 'external-agency',
    parent: undefined,
    caseCodeRequired: false,
    deadlines: [],
  },
  {
    code: 'complaint',
    labelZh: '服务投诉',
    labelEn: 'Service complaint',
    withoutService: 'hotline',
    parent: undefined,
    caseCodeRequired: false,
    deadlines: [],
  },
] as const satisfies readonly CatalogueEntry[];

interface CatalogueEntry extends Omit<ServiceTypeDefinition, 'handler'> {
  readonly withoutService: NonServiceHandler;
}

function handlerOf(code: string, withoutService: NonServiceHandler): ServiceHandler {
  return (handlerServiceFor(code)?.handler.code as HandlerServiceCode | undefined) ?? withoutService;
}

export const SERVICE_TYPES = CATALOGUE.map(({ withoutService, ...type }) => ({
  ...type,
  handler: handlerOf(type.code, withoutService),
}));

export type ServiceTypeCode = (typeof CATALOGUE)[number]['code'];

export const SERVICE_TYPE_CODES: readonly ServiceTypeCode[] = SERVICE_TYPES.map((t) => t.code);

const BY_CODE: ReadonlyMap<string, ServiceTypeDefinition> = new Map(SERVICE_TYPES.map((t) => [t.code, t]));

export function isServiceTypeCode(value: unknown): value is ServiceTypeCode {
  return typeof value === 'string' && BY_CODE.has(value);
}

export function serviceType(code: ServiceTypeCode): ServiceTypeDefinition {
  const definition = BY_CODE.get(code);
  if (!definition) throw new RangeError(`unknown service type ${String(code)}`);
  return definition;
}

/** Kinds of mediation a `mediation` work order may name (人民调解 plus the professional kinds in the plan). */
export const MEDIATION_KINDS = [
  { code: 'people', labelZh: '人民调解', labelEn: "People's mediation" },
  { code: 'lawyer', labelZh: '律师调解', labelEn: 'Lawyer mediation' },
  { code: 'administrative', labelZh: '行政调解', labelEn: 'Administrative mediation' },
  { code: 'finance-consumer', labelZh: '金融消费纠纷调解', labelEn: 'Financial consumer dispute mediation' },
  { code: 'property-management', labelZh: '物业纠纷调解', labelEn: 'Property management dispute mediation' },
  { code: 'intellectual-property', labelZh: '知识产权纠纷调解', labelEn: 'Intellectual property dispute mediation' },
] as const;

export type MediationKind = (typeof MEDIATION_KINDS)[number]['code'];
