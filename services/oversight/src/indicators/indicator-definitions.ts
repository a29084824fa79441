/** How an indicator is served: what it means, how it is computed, from which events, against which target. */
export interface IndicatorDefinition {
  code: string;
  nameZh: string;
  /** Number of the plan's indicator table, when it is one of them. */
  planItem?: number;
  definition: string;
  formula: string;
  sourceEvents: string[];
  /** Yearly target from the plan, in the indicator's unit; absent where the plan sets none. */
  target?: number;
  /** Whether a higher value is better (the ranking's order). */
  higherIsBetter: boolean;
  unit: '%' | '件' | '小时' | '分钟' | '件/10万人';
  /** False for an indicator the stream cannot measure: its definition says why, and it never has a value. */
  measurable: boolean;
}

const CHANGED = 'legal.workorder.changed.v1';
const EVALUATION = 'legal.feedback.evaluation-submitted.v1';
const PROGRESSED = 'legal.handler.progressed.v1';
const RESOLVED = 'legal.handler.resolved.v1';
const CALLBACK = 'legal.feedback.callback-completed.v1';
const ROSTER = 'legal.feedback.roster-coverage-changed.v1';

/** The indicators the oversight service computes, in the order reports show them. */
export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    code: 'intakes',
    nameZh: '受理请求数',
    definition: 'Work orders received in the period (complaints included).',
    formula: 'count(work orders with receivedAt in period)',
    sourceEvents: [CHANGED],
    higherIsBetter: true,
    unit: '件',
    measurable: true,
  },
  {
    code: 'online-share',
    nameZh: '网上办理占比',
    planItem: 3,
    definition: 'Share of work orders whose first intake came through the web portal (法律服务网).',
    formula: 'portal-origin work orders / work orders × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: true,
    unit: '%',
    measurable: true,
  },
  {
    code: 'share-hotline',
    nameZh: '12348热线受理占比',
    definition: 'Share of work orders first taken by the 12348 hotline.',
    formula: 'hotline-origin / all × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: true,
    unit: '%',
    measurable: true,
  },
  {
    code: 'share-portal',
    nameZh: '法律服务网受理占比',
    definition: 'Share of work orders first taken by the web portal.',
    formula: 'portal-origin / all × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: true,
    unit: '%',
    measurable: true,
  },
  {
    code: 'share-centre',
    nameZh: '实体平台受理占比',
    definition: 'Share of work orders first taken at a physical centre.',
    formula: 'centre-origin / all × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: true,
    unit: '%',
    measurable: true,
  },
  {
    code: 'legal-aid-per-100k',
    nameZh: '每十万人法律援助案件数',
    planItem: 14,
    target: 260,
    definition:
      'Legal-aid work orders accepted by a legal-aid centre and received in the period, per 100,000 permanent ' +
      'residents (Seventh National Population Census, reference date 2020-11-01; Shandong Provincial Bureau of ' +
      'Statistics bulletin). `value` is the figure for the period itself; `annualised` scales it to a year ' +
      '(value × 365 / days of the period) and is what the yearly target compares with (equal to value for a year ' +
      'of 365 days). Province and cities only: county and township figures are not measurable (measurable false, ' +
      'reason "needs county population data"): no kept, dated source of county population is available.',
    formula: 'accepted legal-aid work orders / population × 100000 (annualised: × 365 / days of the period)',
    sourceEvents: [CHANGED],
    higherIsBetter: true,
    unit: '件/10万人',
    measurable: true,
  },
  {
    code: 'duty-lawyer-assigned',
    nameZh: '值班律师法律帮助覆盖率',
    planItem: 15,
    target: 100,
    definition: 'Duty-lawyer requests that a legal-aid centre accepted.',
    formula: 'accepted duty-lawyer work orders / duty-lawyer work orders × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: true,
    unit: '%',
    measurable: true,
  },
  {
    code: 'notified-defence-assigned',
    nameZh: '通知辩护指派率',
    planItem: 16,
    target: 100,
    definition: 'Notified-defence requests that a legal-aid centre accepted (lawyer assigned).',
    formula: 'accepted notified-defence work orders / notified-defence work orders × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: true,
    unit: '%',
    measurable: true,
  },
  {
    code: 'mediation-on-term',
    nameZh: '人民调解规范办结率',
    planItem: 26,
    target: 80,
    definition: 'Proxy from the stream: mediation terms met among mediation terms decided (met or breached).',
    formula: 'mediation deadlines met / (met + breached) × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: true,
    unit: '%',
    measurable: true,
  },
  {
    code: 'minutes-to-case-code',
    nameZh: '平均赋码时长',
    definition:
      'Mean time from the submission of the intake that opened a work order to the issue of its case code ' +
      '(一案一码), for work orders whose views carry registeredAt.',
    formula: 'avg(registeredAt − receivedAt) in minutes',
    sourceEvents: [CHANGED],
    higherIsBetter: false,
    unit: '分钟',
    measurable: true,
  },
  {
    code: 'hours-to-dispatch',
    nameZh: '平均派单时长',
    definition: 'Mean time from receipt to the first offer.',
    formula: 'avg(dispatchedAt − receivedAt) in hours',
    sourceEvents: [CHANGED],
    higherIsBetter: false,
    unit: '小时',
    measurable: true,
  },
  {
    code: 'hours-to-acceptance',
    nameZh: '平均受理时长',
    definition: 'Mean time from receipt to the first acceptance.',
    formula: 'avg(acceptedAt − receivedAt) in hours',
    sourceEvents: [CHANGED],
    higherIsBetter: false,
    unit: '小时',
    measurable: true,
  },
  {
    code: 'routing-fallback-rate',
    nameZh: '分派兜底率',
    definition: 'Work orders no routing rule placed (sent to triage).',
    formula: 'sent-to-triage / all × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: false,
    unit: '%',
    measurable: true,
  },
  {
    code: 'supervisor-queue-rate',
    nameZh: '转人工分派率',
    definition: 'Work orders that reached the supervisor queue.',
    formula: 'sent-to-supervisor-queue / all × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: false,
    unit: '%',
    measurable: true,
  },
  {
    code: 'deadlines-met',
    nameZh: '时限达标率',
    definition: 'Legal deadlines met among those decided (met or breached).',
    formula: 'deadlines met / (met + breached) × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: true,
    unit: '%',
    measurable: true,
  },
  {
    code: 'overdue',
    nameZh: '超期件数',
    definition: 'Work orders with a deadline breached, or running past its due time.',
    formula: 'count(work orders with a breached or overdue running deadline)',
    sourceEvents: [CHANGED],
    higherIsBetter: false,
    unit: '件',
    measurable: true,
  },
  {
    code: 'supervision-orders',
    nameZh: '督办件数',
    definition: 'Work orders a supervisor issued a 督办 order for.',
    formula: 'count(supervision-order-issued)',
    sourceEvents: [CHANGED],
    higherIsBetter: false,
    unit: '件',
    measurable: true,
  },
  {
    code: 'supervision-resolved',
    nameZh: '督办办结率',
    definition: '督办 orders resolved among those issued.',
    formula: 'supervision-order-resolved / supervision-order-issued × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: true,
    unit: '%',
    measurable: true,
  },
  {
    code: 'satisfaction',
    nameZh: '好评率',
    definition: 'Evaluations scoring 4 or 5 among all evaluations.',
    formula: 'evaluations with score ≥ 4 / evaluations × 100',
    sourceEvents: [EVALUATION],
    higherIsBetter: true,
    unit: '%',
    measurable: true,
  },
  {
    code: 'reopen-rate',
    nameZh: '重办率',
    definition: 'Work orders reopened at least once among those resolved.',
    formula: 'reopened / resolved × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: false,
    unit: '%',
    measurable: true,
  },
  {
    code: 'complaint-rate',
    nameZh: '投诉率',
    definition: 'Complaints per 100 other work orders received.',
    formula: 'complaint work orders / non-complaint work orders × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: false,
    unit: '%',
    measurable: true,
  },
  {
    code: 'duplicate-rate',
    nameZh: '重复请求率',
    definition: 'Work orders merged into another as duplicates.',
    formula: 'merged / all × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: false,
    unit: '%',
    measurable: true,
  },
  {
    code: 'related-rate',
    nameZh: '关联请求率',
    definition: 'Work orders linked to an earlier related request.',
    formula: 'related / all × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: false,
    unit: '%',
    measurable: true,
  },
  {
    code: 'notarization-in-term',
    nameZh: '公证15个工作日内出证率',
    definition: 'Notarization certificate deadlines (15 working days) met among those decided.',
    formula: 'notarization-certificate deadlines met / (met + breached) × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: true,
    unit: '%',
    measurable: true,
  },
  {
    code: 'legal-aid-decision-in-term',
    nameZh: '法援7日内决定率',
    definition: 'Legal-aid decision deadlines (7 days) met among those decided.',
    formula: 'legal-aid-decision deadlines met / (met + breached) × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: true,
    unit: '%',
    measurable: true,
  },
  {
    code: 'legal-aid-grant-rate',
    nameZh: '法律援助准予率',
    definition: 'Legal-aid applications granted among those decided (granted or denied), by the handler’s report.',
    formula: 'aid granted / (aid granted + aid denied) × 100',
    sourceEvents: [PROGRESSED, RESOLVED],
    higherIsBetter: true,
    unit: '%',
    measurable: true,
  },
  {
    code: 'legal-aid-exempt-share',
    nameZh: '免予经济困难审查占比',
    definition:
      'Grants resting on a statutory exempt category (免予经济困难审查, 法律援助法 第四十二条) among all grants.',
    formula: 'grants with an exempt category / grants × 100',
    sourceEvents: [PROGRESSED],
    higherIsBetter: true,
    unit: '%',
    measurable: true,
  },
  {
    code: 'mediation-agreement-rate',
    nameZh: '调解成功率',
    definition: 'Mediations ended with an agreement among all mediations ended (agreement, failure or withdrawal).',
    formula: 'agreement-reached / (agreement-reached + mediation-failed + withdrawn) × 100',
    sourceEvents: [RESOLVED],
    higherIsBetter: true,
    unit: '%',
    measurable: true,
  },
  {
    code: 'judicial-confirmation-rate',
    nameZh: '调解协议司法确认率',
    definition: 'Mediation agreements a court confirmed (司法确认) among all agreements reached.',
    formula: 'agreements confirmed by a court / agreements reached × 100',
    sourceEvents: [PROGRESSED, RESOLVED],
    higherIsBetter: true,
    unit: '%',
    measurable: true,
  },
  {
    code: 'hotline-coverage',
    nameZh: '12348热线7×24小时服务覆盖率',
    planItem: 2,
    target: 100,
    definition:
      'Share of the minutes of the period (Asia/Shanghai days, 1440 minutes each) with at least one 12348 agent on ' +
      "duty, from the hotline's duty roster (each roster change publishes the coverage of the days it touched). " +
      'Province level only: the 12348 roster is one for all of Shandong, so cities and counties have no figure of ' +
      'their own (no value below the province). A day the hotline never published counts as uncovered (a day no ' +
      'shift touched is never published; days before the roster published its coverage are not known).',
    formula: 'minutes with ≥ 1 agent on duty / minutes of the period × 100',
    sourceEvents: [ROSTER],
    higherIsBetter: true,
    unit: '%',
    measurable: true,
  },
  {
    code: 'callback-timeliness',
    nameZh: '热线回访及时率',
    definition:
      'Callbacks (回访) the hotline completed by their due time (2 working days; 24 hours for an overdue matter) ' +
      'among the callbacks it completed, for work orders received in the period. A callback still open is not ' +
      'counted until it is completed.',
    formula: 'callbacks completed by their due time / callbacks completed × 100',
    sourceEvents: [CALLBACK],
    higherIsBetter: true,
    unit: '%',
    measurable: true,
  },
  {
    code: 'offer-acceptance-rate',
    nameZh: '派单接单率',
    definition:
      'Offers (派单) of work orders to organisations accepted, among the offers made in the period (Asia/Shanghai ' +
      'days of the offer) that the organisation accepted, rejected or let expire; an offer withdrawn before an ' +
      "answer (reassigned, cancelled) and an offer still open are not counted. From the lifecycle stream's " +
      'offered, offer-accepted, offer-rejected and offer-expired entries; per organisation: the organisation offered.',
    formula: 'offers accepted / (accepted + rejected + expired) × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: true,
    unit: '%',
    measurable: true,
  },
  {
    code: 'minutes-to-offer-acceptance',
    nameZh: '派单至接单时长中位数',
    definition:
      'Median of the minutes from an offer to its acceptance, over the offers made in the period that were accepted ' +
      '(the timeline entries of the offer and of the acceptance).',
    formula: 'median(acceptedAt − offeredAt) over accepted offers, in minutes',
    sourceEvents: [CHANGED],
    higherIsBetter: false,
    unit: '分钟',
    measurable: true,
  },
  {
    code: 'offer-expired-share',
    nameZh: '派单超时未接占比',
    definition:
      'Offers that expired unanswered within their window, among the offers made in the period that have ended ' +
      '(accepted, rejected, expired or withdrawn).',
    formula: 'offers expired / offers ended × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: false,
    unit: '%',
    measurable: true,
  },
];

export function findIndicator(code: string): IndicatorDefinition | undefined {
  return INDICATORS.find((i) => i.code === code);
}
