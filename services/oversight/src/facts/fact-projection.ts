import type { EventData, WorkOrderChanged } from '@legal/contracts';

type ChangedData = EventData<typeof WorkOrderChanged>;

/** The columns of a fact row a `workorder.changed` view sets (the rest come from earlier views or evaluations). */
export interface FactChange {
  workOrderId: string;
  caseCode: string;
  version: number;
  status: string;
  serviceType: string;
  regionCode: string;
  cityCode: string;
  countyCode: string;
  originPlatform: string;
  platformCount: number;
  organisationId: string | null;
  organisationName: string | null;
  handler: string | null;
  receivedAt: Date;
  registeredAt: Date | null;
  dispatchedAt: Date | null;
  acceptedAt: Date | null;
  resolvedAt: Date | null;
  routingFallback: boolean;
  supervisorQueue: boolean;
  reopened: boolean;
  duplicate: boolean;
  related: boolean;
  supervised: boolean;
  supervisionResolved: boolean;
}

/** 371324101 → 371300 (city), 371324 (county). A city-level code (371300) is its own county column. */
export function regionLevels(regionCode: string): { cityCode: string; countyCode: string } {
  return { cityCode: `${regionCode.slice(0, 4)}00`, countyCode: regionCode.slice(0, 6) };
}

/** What one lifecycle view tells the fact table: current state, plus the moment its timeline entry records. */
export function factChangeOf(view: ChangedData): FactChange {
  const at = new Date(view.entry.at);
  const action = view.entry.action;
  const resolved = action === 'resolved' || action === 'closed-on-spot' || view.status === 'resolved';
  return {
    workOrderId: view.workOrderId,
    caseCode: view.caseCode,
    version: view.version,
    status: view.status,
    serviceType: view.serviceType,
    regionCode: view.regionCode,
    ...regionLevels(view.regionCode),
    originPlatform: view.originPlatform,
    platformCount: Math.max(1, view.platforms.length),
    organisationId: view.organisationId ?? null,
    organisationName: view.organisationName ?? null,
    handler: view.handler ?? null,
    receivedAt: new Date(view.receivedAt),
    registeredAt: view.registeredAt ? new Date(view.registeredAt) : null,
    dispatchedAt: action === 'offered' || view.status === 'offered' ? at : null,
    acceptedAt: action === 'offer-accepted' || view.status === 'accepted' ? at : null,
    resolvedAt: resolved ? at : null,
    routingFallback: action === 'sent-to-triage',
    supervisorQueue: action === 'sent-to-supervisor-queue' || view.status === 'supervisor-queue',
    reopened: action === 'reopened',
    duplicate: action === 'merged' || view.status === 'merged',
    related: view.relatedCaseCode !== undefined || action === 'relation-confirmed',
    supervised: action === 'supervision-order-issued',
    supervisionResolved: action === 'supervision-order-resolved',
  };
}
