import type { Role } from './roles';

/** The caller as the verified access token describes them. */
export interface AuthUser {
  /** Token subject: user id (citizen or staff) or client id (partner). */
  subject: string;
  roles: Role[];
  /** Staff: the organisation they work for. */
  organisationId?: string;
  /** Staff: GB/T 2260 code of their organisation's area; they act on this area and everything below it. */
  regionCode?: string;
  /** Citizen: normalised phone number they signed in with. */
  phone?: string;
  /** Partner agency clients: the client id. */
  clientId?: string;
  /** Raw token id, for audit. */
  tokenId?: string;
}

export function hasRole(user: AuthUser | undefined, ...roles: Role[]): boolean {
  return !!user && user.roles.some((r) => roles.includes(r));
}

/**
 * Whether a staff member may act on a record in `regionCode`: their organisation's area and the
 * areas below it (a county clerk sees the county's townships and villages). Province-level staff
 * (370000) see everything in Shandong; admins see everything.
 */
export function inJurisdiction(user: AuthUser, regionCode: string): boolean {
  if (user.roles.includes('admin')) return true;
  if (!user.regionCode) return false;
  const scope = significantPrefix(user.regionCode);
  return regionCode.startsWith(scope);
}

/** 370000 → 37, 371300 → 3713, 371324 → 371324, 371324101 → 371324101. */
export function significantPrefix(regionCode: string): string {
  if (regionCode.length === 6) {
    if (regionCode.endsWith('0000')) return regionCode.slice(0, 2);
    if (regionCode.endsWith('00')) return regionCode.slice(0, 4);
  }
  return regionCode;
}
