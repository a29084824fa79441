/**
 * Typed clients of every service of the registry, generated from docs/openapi/<service>.json (`npm run clients`).
 * `const portal = portalClient({ token }); const s = await ok(portal.GET('/portal/requests/{intakeId}/status', ...))`.
 * `<Service>Schemas['SomeDto']` names a request or response body; see libs/clients/README.md.
 */
import type { Client } from 'openapi-fetch';
import { createServiceClient } from './client';
import type { ServiceClientOptions } from './client';

import type { components as WorkOrderComponents, paths as WorkOrderPaths } from './generated/work-order';
import type { components as HotlineComponents, paths as HotlinePaths } from './generated/hotline';
import type { components as PortalComponents, paths as PortalPaths } from './generated/portal';
import type { components as CentreComponents, paths as CentrePaths } from './generated/centre';
import type { components as LegalAidComponents, paths as LegalAidPaths } from './generated/legal-aid';
import type { components as MediationComponents, paths as MediationPaths } from './generated/mediation';
import type { components as NotarizationComponents, paths as NotarizationPaths } from './generated/notarization';
import type { components as IdentityComponents, paths as IdentityPaths } from './generated/identity';
import type {
  components as JudicialAppraisalComponents,
  paths as JudicialAppraisalPaths,
} from './generated/judicial-appraisal';
import type { components as OversightComponents, paths as OversightPaths } from './generated/oversight';

export { createServiceClient, defaultBaseUrl, ok, ProblemError } from './client';
export type { ProblemBody, ProblemFieldError, ServiceClientOptions } from './client';
export * from './events';

export type { WorkOrderPaths };
export type WorkOrderSchemas = WorkOrderComponents['schemas'];
export type WorkOrderClient = Client<WorkOrderPaths>;
export const workOrderClient = (options?: ServiceClientOptions): WorkOrderClient =>
  createServiceClient<WorkOrderPaths>('work-order', options);

export type { HotlinePaths };
export type HotlineSchemas = HotlineComponents['schemas'];
export type HotlineClient = Client<HotlinePaths>;
export const hotlineClient = (options?: ServiceClientOptions): HotlineClient =>
  createServiceClient<HotlinePaths>('hotline', options);

export type { PortalPaths };
export type PortalSchemas = PortalComponents['schemas'];
export type PortalClient = Client<PortalPaths>;
export const portalClient = (options?: ServiceClientOptions): PortalClient =>
  createServiceClient<PortalPaths>('portal', options);

export type { CentrePaths };
export type CentreSchemas = CentreComponents['schemas'];
export type CentreClient = Client<CentrePaths>;
export const centreClient = (options?: ServiceClientOptions): CentreClient =>
  createServiceClient<CentrePaths>('centre', options);

export type { LegalAidPaths };
export type LegalAidSchemas = LegalAidComponents['schemas'];
export type LegalAidClient = Client<LegalAidPaths>;
export const legalAidClient = (options?: ServiceClientOptions): LegalAidClient =>
  createServiceClient<LegalAidPaths>('legal-aid', options);

export type { MediationPaths };
export type MediationSchemas = MediationComponents['schemas'];
export type MediationClient = Client<MediationPaths>;
export const mediationClient = (options?: ServiceClientOptions): MediationClient =>
  createServiceClient<MediationPaths>('mediation', options);

export type { NotarizationPaths };
export type NotarizationSchemas = NotarizationComponents['schemas'];
export type NotarizationClient = Client<NotarizationPaths>;
export const notarizationClient = (options?: ServiceClientOptions): NotarizationClient =>
  createServiceClient<NotarizationPaths>('notarization', options);

export type { IdentityPaths };
export type IdentitySchemas = IdentityComponents['schemas'];
export type IdentityClient = Client<IdentityPaths>;
export const identityClient = (options?: ServiceClientOptions): IdentityClient =>
  createServiceClient<IdentityPaths>('identity', options);

export type { JudicialAppraisalPaths };
export type JudicialAppraisalSchemas = JudicialAppraisalComponents['schemas'];
export type JudicialAppraisalClient = Client<JudicialAppraisalPaths>;
export const judicialAppraisalClient = (options?: ServiceClientOptions): JudicialAppraisalClient =>
  createServiceClient<JudicialAppraisalPaths>('judicial-appraisal', options);

export type { OversightPaths };
export type OversightSchemas = OversightComponents['schemas'];
export type OversightClient = Client<OversightPaths>;
export const oversightClient = (options?: ServiceClientOptions): OversightClient =>
  createServiceClient<OversightPaths>('oversight', options);
