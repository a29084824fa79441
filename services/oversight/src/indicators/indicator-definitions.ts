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
  unit: '%' | '件' | '小时' | '件/10万人';
}

const CHANGED = 'legal.workorder.changed.v1';
const EVALUATION = 'legal.feedback.evaluation-submitted.v1';

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
  },
  {
    code: 'share-hotline',
    nameZh: '12348热线受理占比',
    definition: 'Share of work orders first taken by the 12348 hotline.',
    formula: 'hotline-origin / all × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: true,
    unit: '%',
  },
  {
    code: 'share-portal',
    nameZh: '法律服务网受理占比',
    definition: 'Share of work orders first taken by the web portal.',
    formula: 'portal-origin / all × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: true,
    unit: '%',
  },
  {
    code: 'share-centre',
    nameZh: '实体平台受理占比',
    definition: 'Share of work orders first taken at a physical centre.',
    formula: 'centre-origin / all × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: true,
    unit: '%',
  },
  {
    code: 'legal-aid-per-100k',
    nameZh: '每十万人法律援助案件数',
    planItem: 14,
    target: 260,
    definition:
      'Legal-aid work orders accepted by a legal-aid centre, per 100,000 residents (2020 census); the ' +
      'target is yearly, so a shorter period is compared pro rata by the reader. Province and cities only.',
    formula: 'accepted legal-aid work orders / population × 100000',
    sourceEvents: [CHANGED],
    higherIsBetter: true,
    unit: '件/10万人',
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
  },
  {
    code: 'hours-to-dispatch',
    nameZh: '平均派单时长',
    definition: 'Mean time from receipt to the first offer.',
    formula: 'avg(dispatchedAt − receivedAt) in hours',
    sourceEvents: [CHANGED],
    higherIsBetter: false,
    unit: '小时',
  },
  {
    code: 'hours-to-acceptance',
    nameZh: '平均受理时长',
    definition: 'Mean time from receipt to the first acceptance.',
    formula: 'avg(acceptedAt − receivedAt) in hours',
    sourceEvents: [CHANGED],
    higherIsBetter: false,
    unit: '小时',
  },
  {
    code: 'routing-fallback-rate',
    nameZh: '分派兜底率',
    definition: 'Work orders no routing rule placed (sent to triage).',
    formula: 'sent-to-triage / all × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: false,
    unit: '%',
  },
  {
    code: 'supervisor-queue-rate',
    nameZh: '转人工分派率',
    definition: 'Work orders that reached the supervisor queue.',
    formula: 'sent-to-supervisor-queue / all × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: false,
    unit: '%',
  },
  {
    code: 'deadlines-met',
    nameZh: '时限达标率',
    definition: 'Legal deadlines met among those decided (met or breached).',
    formula: 'deadlines met / (met + breached) × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: true,
    unit: '%',
  },
  {
    code: 'overdue',
    nameZh: '超期件数',
    definition: 'Work orders with a deadline breached, or running past its due time.',
    formula: 'count(work orders with a breached or overdue running deadline)',
    sourceEvents: [CHANGED],
    higherIsBetter: false,
    unit: '件',
  },
  {
    code: 'supervision-orders',
    nameZh: '督办件数',
    definition: 'Work orders a supervisor issued a 督办 order for.',
    formula: 'count(supervision-order-issued)',
    sourceEvents: [CHANGED],
    higherIsBetter: false,
    unit: '件',
  },
  {
    code: 'supervision-resolved',
    nameZh: '督办办结率',
    definition: '督办 orders resolved among those issued.',
    formula: 'supervision-order-resolved / supervision-order-issued × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: true,
    unit: '%',
  },
  {
    code: 'satisfaction',
    nameZh: '好评率',
    definition: 'Evaluations scoring 4 or 5 among all evaluations.',
    formula: 'evaluations with score ≥ 4 / evaluations × 100',
    sourceEvents: [EVALUATION],
    higherIsBetter: true,
    unit: '%',
  },
  {
    code: 'reopen-rate',
    nameZh: '重办率',
    definition: 'Work orders reopened at least once among those resolved.',
    formula: 'reopened / resolved × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: false,
    unit: '%',
  },
  {
    code: 'complaint-rate',
    nameZh: '投诉率',
    definition: 'Complaints per 100 other work orders received.',
    formula: 'complaint work orders / non-complaint work orders × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: false,
    unit: '%',
  },
  {
    code: 'duplicate-rate',
    nameZh: '重复请求率',
    definition: 'Work orders merged into another as duplicates.',
    formula: 'merged / all × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: false,
    unit: '%',
  },
  {
    code: 'related-rate',
    nameZh: '关联请求率',
    definition: 'Work orders linked to an earlier related request.',
    formula: 'related / all × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: false,
    unit: '%',
  },
  {
    code: 'notarization-in-term',
    nameZh: '公证15个工作日内出证率',
    definition: 'Notarization certificate deadlines (15 working days) met among those decided.',
    formula: 'notarization-certificate deadlines met / (met + breached) × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: true,
    unit: '%',
  },
  {
    code: 'legal-aid-decision-in-term',
    nameZh: '法援7日内决定率',
    definition: 'Legal-aid decision deadlines (7 days) met among those decided.',
    formula: 'legal-aid-decision deadlines met / (met + breached) × 100',
    sourceEvents: [CHANGED],
    higherIsBetter: true,
    unit: '%',
  },
];

export function findIndicator(code: string): IndicatorDefinition | undefined {
  return INDICATORS.find((i) => i.code === code);
}
