import { SERVICE_TYPES as CATALOGUE } from '@legal/domain';
import type { ServiceType } from '@legal/contracts';
import type { StatusLocale } from '@legal/platform-kit';
import { PORTAL_SERVICE_TYPES } from '../submissions/dto/submission-create.dto';

/** Open311 service codes are the catalogue codes a citizen may request on the portal. */
export const OPEN311_SERVICE_CODES: readonly ServiceType[] = PORTAL_SERVICE_TYPES;

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: false;
  type: 'realtime';
  keywords: string;
  group: string;
}

export function open311Services(locale: StatusLocale): Open311Service[] {
  return OPEN311_SERVICE_CODES.map((code) => {
    const entry = CATALOGUE.find((t) => t.code === code);
    const zh = entry?.labelZh ?? code;
    const en = entry?.labelEn ?? code;
    return {
      service_code: code,
      service_name: locale === 'en' ? en : zh,
      description: locale === 'en' ? `${en} (${zh})` : `${zh} (${en})`,
      metadata: false,
      type: 'realtime',
      keywords: [code, zh, en].join(','),
      group: entry?.handler === 'external-agency' ? 'agency' : (entry?.handler ?? 'other'),
    };
  });
}

export function open311ServiceName(code: string | null, locale: StatusLocale): string {
  const entry = CATALOGUE.find((t) => t.code === code);
  if (!entry) return locale === 'en' ? 'Legal service request' : '法律服务请求';
  return locale === 'en' ? entry.labelEn : entry.labelZh;
}
