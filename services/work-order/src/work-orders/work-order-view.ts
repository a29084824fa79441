import type { Deadline, EventData, WorkOrderChanged } from '@legal/contracts';
import type { TimelineEntryEntity } from './entities/timeline-entry.entity';
import type { WorkOrderEntity } from './entities/work-order.entity';

export type WorkOrderChangedData = EventData<typeof WorkOrderChanged>;

/**
 * The full current view carried by WorkOrderChanged, with the citizen minimised: hashes, last four
 * digits of the phone, the masked name and the user id — never the numbers themselves.
 */
export function workOrderChangedData(
  wo: WorkOrderEntity,
  deadlines: readonly Deadline[],
  entry: TimelineEntryEntity,
  previousStatus: WorkOrderEntity['status'] | null,
): WorkOrderChangedData {
  const citizen: WorkOrderChangedData['citizen'] = {};
  if (wo.phoneHash) citizen.phoneHash = wo.phoneHash;
  if (wo.phoneLast4) citizen.phoneLast4 = wo.phoneLast4;
  if (wo.idCardHash) citizen.idCardHash = wo.idCardHash;
  if (wo.citizenUserId) citizen.userId = wo.citizenUserId;
  if (wo.applicantDisplayName) citizen.displayName = wo.applicantDisplayName;
  if (wo.accessCodeHash) citizen.accessCodeHash = wo.accessCodeHash;
  const data: WorkOrderChangedData = {
    workOrderId: wo.id,
    caseCode: wo.caseCode,
    version: wo.version,
    status: wo.status,
    serviceType: wo.serviceType,
    regionCode: wo.regionCode,
    originPlatform: wo.originPlatform,
    platforms: [...wo.platforms],
    deadlines: [...deadlines],
    receivedAt: wo.receivedAt.toISOString(),
    // The row is created when the case code is issued: the end of "time to case code".
    registeredAt: wo.createdAt.toISOString(),
    entry: {
      seq: entry.seq,
      at: entry.at.toISOString(),
      action: entry.action,
      actorRole: entry.actorRole,
      ...(entry.actorId ? { actorId: entry.actorId } : {}),
      ...(entry.platform ? { platform: entry.platform } : {}),
      ...(entry.note ? { note: entry.note } : {}),
    },
    citizen,
  };
  if (previousStatus && previousStatus !== wo.status) data.previousStatus = previousStatus;
  if (wo.organisationId) data.organisationId = wo.organisationId;
  if (wo.organisationName) data.organisationName = wo.organisationName;
  if (wo.handler) data.handler = wo.handler;
  if (wo.staffId) data.staffId = wo.staffId;
  if (wo.relatedCaseCode) data.relatedCaseCode = wo.relatedCaseCode;
  if (wo.complaintAgainstOrganisationId) data.complaintAgainstOrganisationId = wo.complaintAgainstOrganisationId;
  return data;
}
