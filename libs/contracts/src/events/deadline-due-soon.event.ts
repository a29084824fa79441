import { defineEvent } from '../event-definition';
import { deadlineAlertSchema } from './deadline-alert.schema';

export const DeadlineDueSoon = defineEvent({
  type: 'legal.workorder.deadline-due-soon.v1',
  topic: 'legal.workorder.deadline',
  summary: 'A deadline falls due soon (warning window per kind); emitted exactly once per deadline',
  producers: ['work-order'],
  consumers: ['hotline', 'centre', 'identity'],
  partnerFields: ['workOrderId', 'caseCode', 'kind', 'dueAt', 'organisationId'],
  schema: deadlineAlertSchema('Deadline due soon'),
  example: {
    workOrderId: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f',
    caseCode: '371321-20261128-000001-7',
    kind: 'legal-aid-decision',
    dueAt: '2026-12-05T15:59:59.999Z',
    organisationId: 'org-371324-legal-aid',
    detectedAt: '2026-12-04T16:00:00.000Z',
  },
});
