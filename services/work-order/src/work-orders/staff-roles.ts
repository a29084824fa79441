import type { Role } from '@legal/auth';

/** Roles that read work orders (always within their jurisdiction). */
export const READ_ROLES: Role[] = [
  'hotline-agent',
  'centre-clerk',
  'legal-aid-officer',
  'mediator',
  'notary',
  'supervisor',
  'admin',
];

/** Roles that take supervisor actions. */
export const SUPERVISOR_ROLES: Role[] = ['supervisor', 'admin'];
