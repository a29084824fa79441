import { ALL_EVENTS } from './registry';
import { ALL_TOPIC_NAMES } from './topics';
import { checkEventPayload, compileAllSchemas } from './validation';

describe('event contracts', () => {
  it('compiles every schema under strict JSON Schema rules', () => {
    expect(() => compileAllSchemas()).not.toThrow();
  });

  it.each(ALL_EVENTS.map((e) => [e.type, e]))('%s: its example is valid against its own schema', (_type, definition) => {
    expect(checkEventPayload(definition.type, definition.example)).toEqual({ ok: true, definition });
  });

  it.each(ALL_EVENTS.map((e) => [e.type, e]))('%s: is on a listed topic and has producers and consumers', (_type, definition) => {
    expect(ALL_TOPIC_NAMES).toContain(definition.topic);
    expect(definition.producers.length).toBeGreaterThan(0);
    expect(definition.consumers.length).toBeGreaterThan(0);
  });

  it('rejects unknown fields, wrong types and unknown versions', () => {
    const unknownField = checkEventPayload('legal.feedback.evaluation-submitted.v1', { ...ALL_EVENTS.find((e) => e.type === 'legal.feedback.evaluation-submitted.v1')?.example, extra: 1 });
    expect(unknownField).toMatchObject({ ok: false, reason: 'schema-violation' });
    const wrongType = checkEventPayload('legal.feedback.evaluation-submitted.v1', { score: 'five' });
    expect(wrongType.ok).toBe(false);
    expect(checkEventPayload('legal.feedback.evaluation-submitted.v9', {})).toMatchObject({ ok: false, reason: 'unknown-type' });
  });
});
