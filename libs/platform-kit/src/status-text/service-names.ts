import type { ServiceType } from '@legal/contracts';

export type StatusLocale = 'zh' | 'en';

/** How a citizen calls each service type, in the sentence "Your ___ is being ...". */
export const SERVICE_NAMES: Record<ServiceType, Record<StatusLocale, string>> = {
  'legal-consultation': { zh: '法律咨询', en: 'legal consultation' },
  'legal-aid': { zh: '法律援助申请', en: 'legal-aid application' },
  'duty-lawyer': { zh: '值班律师法律帮助申请', en: 'request for a duty lawyer' },
  'notified-defence': { zh: '通知辩护案件', en: 'notified-defence case' },
  mediation: { zh: '人民调解申请', en: 'mediation request' },
  notarization: { zh: '公证申请', en: 'notarization application' },
  'judicial-appraisal': { zh: '司法鉴定申请', en: 'judicial-appraisal request' },
  arbitration: { zh: '仲裁申请', en: 'arbitration request' },
  'lawyer-referral': { zh: '律师服务请求', en: 'lawyer-referral request' },
  'grassroots-legal-service': { zh: '基层法律服务请求', en: 'grassroots legal-service request' },
  'village-legal-adviser': { zh: '村(居)法律顾问服务请求', en: 'village legal-adviser request' },
  complaint: { zh: '投诉', en: 'complaint' },
};

export function serviceName(serviceType: string, locale: StatusLocale): string {
  const names = (SERVICE_NAMES as Record<string, Record<StatusLocale, string>>)[serviceType];
  return names ? names[locale] : locale === 'zh' ? '服务请求' : 'request';
}

/** What the next deadline promises, by its kind: "a decision is due by 5 December". */
export function deadlinePromise(kind: string, date: string, locale: StatusLocale): string {
  const en: Record<string, string> = {
    'legal-aid-decision': `a decision is due by ${date}`,
    'lawyer-appointment': `a lawyer will be appointed by ${date}`,
    'notarization-certificate': `the certificate is due by ${date}`,
    'mediation-term': `the mediation is expected to conclude by ${date}`,
    'judicial-appraisal-acceptance': `the institution decides whether to accept the appraisal by ${date}`,
    'judicial-appraisal-term': `the appraisal opinion is due by ${date}`,
    callback: `we will call you back by ${date}`,
    'info-requested': `please reply by ${date}`,
  };
  const zh: Record<string, string> = {
    'legal-aid-decision': `将于${date}前作出是否给予法律援助的决定`,
    'lawyer-appointment': `将于${date}前指派律师`,
    'notarization-certificate': `预计于${date}前出具公证书`,
    'mediation-term': `预计于${date}前调解结束`,
    'judicial-appraisal-acceptance': `鉴定机构将于${date}前决定是否受理`,
    'judicial-appraisal-term': `预计于${date}前出具鉴定意见`,
    callback: `我们将于${date}前给您回电`,
    'info-requested': `请于${date}前答复`,
  };
  if (locale === 'zh') return zh[kind] ?? `预计于${date}前完成下一步`;
  return en[kind] ?? `the next step is due by ${date}`;
}
