import type { AuthUser } from '@legal/auth';
import { normalizeChinesePhone } from '@legal/domain';
import type { PiiProtector } from '@legal/privacy';

/** How a signed-in citizen is recognised on work orders: their user id, and the keyed hash of their phone. */
export interface CitizenKeys {
  userId?: string;
  phoneHash?: string;
}

export function phoneHashOf(pii: PiiProtector, phone: string | undefined): string | undefined {
  const normalized = phone ? normalizeChinesePhone(phone) : undefined;
  return normalized ? pii.hash(normalized) : undefined;
}

export function citizenKeys(pii: PiiProtector, user: AuthUser | undefined): CitizenKeys | undefined {
  if (!user || !user.roles.includes('citizen')) return undefined;
  return { userId: user.subject, phoneHash: phoneHashOf(pii, user.phone) };
}
