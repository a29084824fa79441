import type { Applicant } from '@legal/contracts';
import type { PiiProtector } from '@legal/privacy';

/** The applicant as submitted, sealed (AES-256-GCM) for the handler that must contact them. */
export function sealApplicant(pii: PiiProtector, applicant: Applicant): string {
  return pii.encrypt(JSON.stringify(applicant));
}

export function unsealApplicant(pii: PiiProtector, sealed: string): Applicant {
  const parsed = JSON.parse(pii.decrypt(sealed)) as Record<string, unknown>;
  const applicant: Applicant = {};
  if (typeof parsed.name === 'string') applicant.name = parsed.name;
  if (typeof parsed.idCardNumber === 'string') applicant.idCardNumber = parsed.idCardNumber;
  if (typeof parsed.phone === 'string') applicant.phone = parsed.phone;
  if (typeof parsed.address === 'string') applicant.address = parsed.address;
  return applicant;
}
