import type { AuthUser } from '@legal/auth';
import { citizenStatusText } from '../status-text/citizen-status-text';
import type { StatusLocale } from '../status-text/service-names';
import { toShanghaiTime } from '../status-text/shanghai-time';
import type { TimelineEntryResponseDto, WorkOrderViewResponseDto } from './dto/work-order-view-response.dto';
import type { WorkOrderView } from './work-order-view.entity';

/**
 * Who is looking, which decides what is shown:
 *  - `staff`: everything in the view except hashes; but on a complaint, only supervisors, admins and
 *    the independent unit handling it see who complained, the notes and who acted (never the
 *    complained-about organisation);
 *  - `citizen`: the citizen the work order belongs to (signed in, or verified by code + phone digits):
 *    status, deadlines, timeline with notes, their own masked identity; no staff ids;
 *  - `public`: status, deadlines and the timeline's steps only.
 */
export type ViewAudience = { kind: 'staff'; user: AuthUser } | { kind: 'citizen' } | { kind: 'public' };

/**
 * Whether a staff member may see a work order at all, before jurisdiction: a complaint is invisible
 * to the organisation it is about, on every route (its existence, content and complainant), as in the
 * work-order service (`assertCanSee`). Only admins are exempt; supervisors above both organisations and
 * the independent unit handling it belong to other organisations and see it.
 */
export function staffMaySeeWorkOrder(
  user: AuthUser,
  view: Pick<WorkOrderView, 'complaintAgainstOrganisationId'>,
): boolean {
  if (user.roles.includes('admin')) return true;
  return !(user.organisationId && view.complaintAgainstOrganisationId === user.organisationId);
}

/** Whether a staff member may see who filed a complaint (complaint independence). */
export function staffMaySeeComplainant(
  user: AuthUser,
  view: Pick<WorkOrderView, 'serviceType' | 'organisationId' | 'complaintAgainstOrganisationId'>,
): boolean {
  if (view.serviceType !== 'complaint') return true;
  if (user.roles.includes('admin') || user.roles.includes('supervisor')) return true;
  if (!user.organisationId) return false;
  if (user.organisationId === view.complaintAgainstOrganisationId) return false;
  return user.organisationId === view.organisationId;
}

/**
 * Timeline steps whose note a citizen may read: what the citizen did or must do, and what the handler
 * reported (`progress:<step>`). Every other note is internal (classification confidence on `received`,
 * routing scores and explanations, offers, escalations, duplicate checks) and is withheld from citizens.
 */
const CITIZEN_NOTE_ACTIONS: ReadonlySet<string> = new Set([
  'needs-info',
  'info-received',
  'resolved',
  'closed-on-spot',
  'closed-after-evaluation',
  'reopened',
  'deadline-extended',
  'merged',
  'referral-accepted',
  'referral-rejected',
  'transferred-to-12345',
]);

export function citizenMayReadNote(action: string): boolean {
  return CITIZEN_NOTE_ACTIONS.has(action) || action.startsWith('progress:');
}

/**
 * Views for citizens and the public show instants in Asia/Shanghai with the offset
 * (`2026-12-04T20:15:00+08:00`) and never an internal note; staff views keep UTC instants and every note
 * their role allows.
 */
export function toWorkOrderViewResponse(
  view: WorkOrderView,
  audience: ViewAudience,
  options: { now?: Date; locale?: StatusLocale } = {},
): WorkOrderViewResponseDto {
  const staff = audience.kind === 'staff';
  const showIdentity =
    audience.kind === 'citizen' || (audience.kind === 'staff' && staffMaySeeComplainant(audience.user, view));
  const showNotes = audience.kind === 'citizen' || (audience.kind === 'staff' && showIdentity);
  const time = (instant: string | Date): string => (staff ? new Date(instant).toISOString() : toShanghaiTime(instant));
  const mayReadNote = (action: string): boolean => showNotes && (staff || citizenMayReadNote(action));
  const timeline: TimelineEntryResponseDto[] = view.timeline.map((e) => ({
    seq: e.seq,
    at: staff ? e.at : toShanghaiTime(e.at),
    action: e.action,
    actorRole: e.actorRole,
    ...(staff && showIdentity && e.actorId ? { actorId: e.actorId } : {}),
    ...(e.platform ? { platform: e.platform } : {}),
    ...(mayReadNote(e.action) && e.note ? { note: e.note } : {}),
    status: e.status,
  }));
  const citizen =
    showIdentity && (view.phoneLast4 || view.citizenDisplayName)
      ? {
          ...(view.phoneLast4 ? { phoneLast4: view.phoneLast4 } : {}),
          ...(view.citizenDisplayName ? { displayName: view.citizenDisplayName } : {}),
        }
      : undefined;
  return {
    workOrderId: view.workOrderId,
    caseCode: view.caseCode,
    version: view.version,
    status: view.status,
    serviceType: view.serviceType,
    regionCode: view.regionCode,
    ...(view.organisationId ? { organisationId: view.organisationId } : {}),
    ...(view.organisationName ? { organisationName: view.organisationName } : {}),
    ...(view.handler ? { handler: view.handler } : {}),
    ...(staff && view.staffId ? { staffId: view.staffId } : {}),
    deadlines: view.deadlines.map((d) => ({
      kind: d.kind,
      dueAt: staff ? d.dueAt : toShanghaiTime(d.dueAt),
      rule: d.rule,
      explanation: d.explanation,
      status: d.status,
    })),
    timeline,
    ...(citizen ? { citizen } : {}),
    platforms: [...view.platforms],
    originPlatform: view.originPlatform,
    receivedAt: time(view.receivedAt),
    updatedAt: time(view.updatedAt),
    ...(view.relatedCaseCode ? { relatedCaseCode: view.relatedCaseCode } : {}),
    ...(staff && view.complaintAgainstOrganisationId
      ? { complaintAgainstOrganisationId: view.complaintAgainstOrganisationId }
      : {}),
    statusText: citizenText(view, { ...options, staff }),
  };
}

function citizenText(
  view: WorkOrderView,
  options: { now?: Date; locale?: StatusLocale; staff: boolean },
): WorkOrderViewResponseDto['statusText'] {
  const text = citizenStatusText(view, options.now ?? new Date(), options.locale ?? 'zh');
  return !options.staff && text.expectedBy ? { ...text, expectedBy: toShanghaiTime(text.expectedBy) } : text;
}
