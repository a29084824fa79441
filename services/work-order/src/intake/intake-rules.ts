import type { EventData, IntakeSubmitted } from '@legal/contracts';
import { parseCaseCode, parseChinesePhone, RegionRegistry, validateIdCard } from '@legal/domain';

export type IntakeData = EventData<typeof IntakeSubmitted>;

export interface CheckedIdentity {
  idCardNumber?: string;
  phone?: string;
  relatedCaseCode?: string;
}

export type IntakeCheck = { ok: true; identity: CheckedIdentity } | { ok: false; reasons: string[] };

/**
 * Business rules an intake must meet to become a work order. The envelope and schema were checked by
 * the consumer; these are the rules that need reference data: a real Shandong division, a GB 11643 ID
 * number (check digit, region, birth date), a real phone number, a valid related case code. Reasons
 * never repeat the personal data itself.
 */
export function checkIntake(data: IntakeData, regions: RegionRegistry, today: Date = new Date()): IntakeCheck {
  const reasons: string[] = [];
  const identity: CheckedIdentity = {};
  if (!regions.contains(data.regionCode))
    reasons.push(`regionCode: ${data.regionCode} is not a known division of Shandong`);
  if (data.applicant.idCardNumber !== undefined) {
    const id = validateIdCard(data.applicant.idCardNumber, { today });
    if (id.ok) identity.idCardNumber = id.value.number;
    else reasons.push(`applicant.idCardNumber: ${id.message}`);
  }
  if (data.applicant.phone !== undefined) {
    const phone = parseChinesePhone(data.applicant.phone);
    if (phone.ok) identity.phone = phone.value.normalized;
    else reasons.push(`applicant.phone: ${phone.message}`);
  }
  if (data.relatedCaseCode !== undefined) {
    const code = parseCaseCode(data.relatedCaseCode);
    if (code.ok) identity.relatedCaseCode = code.value.code;
    else reasons.push(`relatedCaseCode: ${code.message}`);
  }
  if (data.serviceType === 'complaint' && data.resolution !== undefined)
    reasons.push('resolution: a complaint cannot be answered on the spot; it must be handled by an independent unit');
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true, identity };
}
