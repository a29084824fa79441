export const ROLES = [
  'citizen',
  'hotline-agent',
  'centre-clerk',
  'legal-aid-officer',
  'mediator',
  'notary',
  'appraiser',
  'supervisor',
  'admin',
  'partner',
] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES: readonly Role[] = [
  'hotline-agent',
  'centre-clerk',
  'legal-aid-officer',
  'mediator',
  'notary',
  'appraiser',
  'supervisor',
  'admin',
];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
