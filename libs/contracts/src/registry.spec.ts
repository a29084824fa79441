import { ALL_EVENTS } from './registry';
import { agreeableFields, PARTNER_SOURCE_EVENTS } from './partner-fields';
import { ALL_TOPIC_NAMES, PARTNER_FEED, partnerFeedTopic } from './topics';
import { checkEventPayload, compileAllSchemas } from './validation';

describe('event contracts', () => {
  it('compiles every schema under strict JSON Schema rules', () => {
    expect(() => compileAllSchemas()).not.toThrow();
  });

  it.each(ALL_EVENTS.map((e) => [e.type, e]))(
    '%s: its example is valid against its own schema',
    (_type, definition) => {
      expect(checkEventPayload(definition.type, definition.example)).toEqual({ ok: true, definition });
    },
  );

  it.each(ALL_EVENTS.map((e) => [e.type, e]))(
    '%s: is on a listed topic and has producers and consumers',
    (_type, definition) => {
      expect([...ALL_TOPIC_NAMES, PARTNER_FEED.name]).toContain(definition.topic);
      expect(definition.producers.length).toBeGreaterThan(0);
      expect(definition.consumers.length).toBeGreaterThan(0);
    },
  );

  it('rejects unknown fields, wrong types and unknown versions', () => {
    const unknownField = checkEventPayload('legal.feedback.evaluation-submitted.v1', {
      ...ALL_EVENTS.find((e) => e.type === 'legal.feedback.evaluation-submitted.v1')?.example,
      extra: 1,
    });
    expect(unknownField).toMatchObject({ ok: false, reason: 'schema-violation' });
    const wrongType = checkEventPayload('legal.feedback.evaluation-submitted.v1', { score: 'five' });
    expect(wrongType.ok).toBe(false);
    expect(checkEventPayload('legal.feedback.evaluation-submitted.v9', {})).toMatchObject({
      ok: false,
      reason: 'unknown-type',
    });
  });

  it('partner feed items: every agreeable field of every source event, optional, plus occurredAt and sourceType; nothing else', () => {
    const feed = ALL_EVENTS.find((e) => e.topic === PARTNER_FEED.name);
    const agreeable = new Set(PARTNER_SOURCE_EVENTS.flatMap((e) => e.partnerFields ?? []));
    expect(Object.keys(feed?.schema.properties ?? {}).sort()).toEqual(
      [...agreeable, 'occurredAt', 'sourceType'].sort(),
    );
    expect([...(feed?.schema.required ?? [])].sort()).toEqual(['occurredAt', 'sourceType']);
    expect(agreeable.has('citizen')).toBe(false);
    const withHash = checkEventPayload('legal.partner.feed-item.v1', {
      ...feed?.example,
      citizen: { phoneHash: 'a'.repeat(64) },
    });
    expect(withHash).toMatchObject({ ok: false, reason: 'schema-violation' });
    expect(partnerFeedTopic('jinan-court')).toBe('legal.partner.feed.jinan-court');
  });

  it('agreeable fields per topic: the union of the partner fields of its events; none for internal topics', () => {
    expect(agreeableFields('legal.workorder.deadline')).toEqual([
      'workOrderId',
      'caseCode',
      'kind',
      'dueAt',
      'organisationId',
    ]);
    expect(agreeableFields('legal.workorder.changed')).toContain('status');
    expect(agreeableFields('legal.intake.submitted')).toBeUndefined();
  });
});
