import type { Applicant } from '@legal/contracts';
import { maskIdCard, maskPhone, normalizeChinesePhone, normalizeIdCardInput } from '@legal/domain';
import { maskName, PiiProtector } from '@legal/privacy';
import type { ApplicantResponseDto } from './applicant-response.dto';

/** How an applicant's personal data is kept: a sealed copy to show staff, keyed hashes to match on. */
export interface SealedApplicant {
  applicantSealed: string | null;
  applicantPhoneHash: string | null;
  applicantIdCardHash: string | null;
}

/** Seals the applicant of a dispatch for storage (phone and ID number normalised first, then hashed). */
export function sealApplicant(pii: PiiProtector, applicant: Applicant): SealedApplicant {
  const phone = applicant.phone ? (normalizeChinesePhone(applicant.phone) ?? applicant.phone) : undefined;
  const idCard = applicant.idCardNumber ? normalizeIdCardInput(applicant.idCardNumber) : undefined;
  const hasAny = Object.values(applicant).some((v) => v !== undefined && v !== '');
  return {
    applicantSealed: hasAny ? pii.encrypt(JSON.stringify({ ...applicant, phone, idCardNumber: idCard })) : null,
    applicantPhoneHash: phone ? pii.hash(phone) : null,
    applicantIdCardHash: idCard ? pii.hash(idCard) : null,
  };
}

/**
 * Opens a sealed applicant. Besides the kit's form (one sealed JSON document) it reads the per-field
 * form a table migrated from separately sealed columns holds: a JSON object of sealed values
 * (`{"name":"<sealed>","phone":"<sealed>"}`), each opened on its own.
 */
export function unsealApplicant(pii: PiiProtector, sealed: string | null): Applicant {
  if (!sealed) return {};
  if (!sealed.startsWith('{')) return JSON.parse(pii.decrypt(sealed)) as Applicant;
  const fields = JSON.parse(sealed) as Record<string, string | null>;
  const open = (key: keyof Applicant): string | undefined => {
    const value = fields[key];
    return typeof value === 'string' ? pii.decrypt(value) : undefined;
  };
  return { name: open('name'), phone: open('phone'), idCardNumber: open('idCardNumber'), address: open('address') };
}

/** Who is looking: staff who work the matter (`reveal`) see the contact data, everybody else masks. */
export interface ApplicantAudience {
  reveal: boolean;
}

/** What a caller may see of an applicant (pure). */
export function maskedApplicant(a: Applicant, audience: ApplicantAudience): ApplicantResponseDto {
  const { reveal } = audience;
  return {
    name: reveal ? a.name : maskName(a.name),
    phone: a.phone ? (reveal ? a.phone : maskPhone(a.phone)) : undefined,
    idCardNumber: a.idCardNumber ? maskIdCard(a.idCardNumber) : undefined,
    address: reveal ? a.address : a.address ? '***' : undefined,
  };
}

/**
 * The applicant as a caller may see them: staff who work the case (`reveal`) see name, phone and
 * address in full and the ID number masked; everybody else sees every field masked.
 */
export function applicantView(
  pii: PiiProtector,
  sealed: string | null,
  audience: ApplicantAudience,
): ApplicantResponseDto {
  return maskedApplicant(unsealApplicant(pii, sealed), audience);
}
