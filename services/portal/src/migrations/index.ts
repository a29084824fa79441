import { PortalSubmission1764306000000 } from './1764306000000-portal-submission';
import { PortalEvaluation1764306000001 } from './1764306000001-portal-evaluation';

/** Committed migrations of the portal schema, oldest first (the platform kit's run before these). */
export const PortalMigrations = [PortalSubmission1764306000000, PortalEvaluation1764306000001];
