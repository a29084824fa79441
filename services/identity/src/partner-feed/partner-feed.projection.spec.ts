import { DeadlineOverdue, WorkOrderChanged } from '@legal/contracts';
import { checkEventPayload } from '@legal/contracts';
import {
  agreedFields,
  agreementProblems,
  feedItemId,
  inPartnerScope,
  projectFeedItem,
} from './partner-feed.projection';

const changed = {
  type: WorkOrderChanged.type,
  time: '2026-11-28T02:20:00.120Z',
  data: {
    ...WorkOrderChanged.example,
    citizen: { phoneHash: 'ab'.repeat(32), idCardHash: 'cd'.repeat(32), phoneLast4: '5678', displayName: '张*' },
  },
};

describe('partner feed projection', () => {
  it('keeps exactly the agreed fields, plus occurredAt (the event time) and sourceType', () => {
    const item = projectFeedItem(changed, ['workOrderId', 'caseCode', 'status']);
    expect(item).toEqual({
      workOrderId: WorkOrderChanged.example.workOrderId,
      caseCode: WorkOrderChanged.example.caseCode,
      status: 'accepted',
      occurredAt: '2026-11-28T02:20:00.120Z',
      sourceType: 'legal.workorder.changed.v1',
    });
    expect(checkEventPayload('legal.partner.feed-item.v1', item)).toMatchObject({ ok: true });
  });

  it('never carries citizen data, hashes or phone digits, whatever the agreement stored says', () => {
    const agreement = {
      purpose: 'x',
      topics: [
        {
          topic: 'legal.workorder.changed',
          fields: ['status', 'citizen', 'citizen.phoneHash', 'phoneLast4', 'occurredAt', 'staffId'],
        },
      ],
    };
    const fields = agreedFields(agreement, 'legal.workorder.changed');
    expect(fields).toEqual(['status']);
    const json = JSON.stringify(projectFeedItem(changed, fields));
    expect(json).not.toMatch(/citizen|phoneHash|idCardHash|5678|abab|cdcd|staffId/);
  });

  it('takes agreed fields of a topic only, and skips those the event lacks', () => {
    const agreement = {
      purpose: 'x',
      topics: [
        { topic: 'legal.workorder.changed', fields: ['status'] },
        { topic: 'legal.workorder.deadline', fields: ['caseCode', 'dueAt', 'organisationId'] },
      ],
    };
    expect(agreedFields(agreement, 'legal.workorder.deadline')).toEqual(['caseCode', 'dueAt', 'organisationId']);
    expect(agreedFields(agreement, 'legal.feedback')).toEqual([]);
    const overdue = {
      type: DeadlineOverdue.type,
      time: '2026-12-05T16:00:00.000Z',
      data: { ...DeadlineOverdue.example, organisationId: undefined },
    };
    expect(projectFeedItem(overdue, agreedFields(agreement, 'legal.workorder.deadline'))).toEqual({
      caseCode: DeadlineOverdue.example.caseCode,
      dueAt: DeadlineOverdue.example.dueAt,
      occurredAt: '2026-12-05T16:00:00.000Z',
      sourceType: 'legal.workorder.deadline-overdue.v1',
    });
  });

  it('an empty agreement for a topic yields the envelope metadata only', () => {
    expect(projectFeedItem(changed, [])).toEqual({ occurredAt: changed.time, sourceType: changed.type });
  });

  it('scopes region-bound partners to their area and below; events without a region are withheld from them', () => {
    expect(inPartnerScope(null, { regionCode: '371324101' })).toBe(true);
    expect(inPartnerScope('371300', { regionCode: '371324101' })).toBe(true);
    expect(inPartnerScope('370000', { regionCode: '371324101' })).toBe(true);
    expect(inPartnerScope('370100', { regionCode: '371324101' })).toBe(false);
    expect(inPartnerScope('371324', { regionCode: '371324101' })).toBe(true);
    expect(inPartnerScope('370100', { workOrderId: 'x' })).toBe(false);
    expect(inPartnerScope(undefined, { workOrderId: 'x' })).toBe(true);
  });

  it('gives each (event, partner) one stable UUID', () => {
    const a = feedItemId('e1', 'court-a');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(feedItemId('e1', 'court-a')).toBe(a);
    expect(feedItemId('e1', 'court-b')).not.toBe(a);
    expect(feedItemId('e2', 'court-a')).not.toBe(a);
  });

  it('validates agreements against the contracts, naming each bad topic and field', () => {
    expect(
      agreementProblems({
        purpose: 'x',
        topics: [{ topic: 'legal.workorder.changed', fields: ['workOrderId', 'status'] }],
      }),
    ).toEqual([]);
    const problems = agreementProblems({
      purpose: 'x',
      topics: [
        { topic: 'legal.workorder.changed', fields: ['status', 'citizen', 'occurredAt'] },
        { topic: 'legal.intake.submitted', fields: ['applicant'] },
        { topic: 'legal.workorder.deadline', fields: ['kind', 'detectedAt'] },
        { topic: 'legal.workorder.changed', fields: ['caseCode'] },
      ],
    });
    expect(problems.map((p) => p.field)).toEqual([
      'agreement.topics[0].fields[1]',
      'agreement.topics[0].fields[2]',
      'agreement.topics[1].topic',
      'agreement.topics[2].fields[1]',
      'agreement.topics[3].topic',
    ]);
    expect(problems[0].messages[0]).toContain('field citizen is not a partner field of legal.workorder.changed');
    expect(problems[1].messages[0]).toContain('occurredAt');
    expect(problems[3].messages[0]).toContain('detectedAt');
  });
});
