import { ConflictError } from '@legal/http';
import { assertAllowed, nextState, refusal, WorkflowFacts } from './application-state';

const facts = (over: Partial<WorkflowFacts>): WorkflowFacts => ({
  state: 'received',
  urgent: false,
  decision: null,
  lawyerId: null,
  reviewed: false,
  ...over,
});

describe('legal-aid workflow rules', () => {
  it('refuses to appoint a lawyer before aid is granted, unless the case is urgent (先行提供)', () => {
    expect(refusal('appoint', facts({ state: 'received' }))?.code).toBe('appointment-before-grant');
    expect(refusal('appoint', facts({ state: 'reviewed' }))?.code).toBe('appointment-before-grant');
    expect(refusal('appoint', facts({ state: 'received', urgent: true }))).toBeUndefined();
    expect(nextState('appoint', facts({ state: 'received', urgent: true }))).toBe('provided-first');
    expect(refusal('appoint', facts({ state: 'granted', decision: 'grant', reviewed: true }))).toBeUndefined();
    expect(nextState('appoint', facts({ state: 'granted' }))).toBe('appointed');
  });

  it('refuses a second appointment and a second decision', () => {
    expect(refusal('appoint', facts({ state: 'granted', lawyerId: 'l1' }))?.code).toBe('already-appointed');
    expect(refusal('decide', facts({ state: 'granted', decision: 'grant', reviewed: true }))?.code).toBe(
      'already-decided',
    );
    expect(() => assertAllowed('decide', facts({ state: 'appointed', decision: 'grant', reviewed: true }))).toThrow(
      ConflictError,
    );
  });

  it('requires the hardship review before the decision, and no outstanding materials', () => {
    expect(refusal('decide', facts({ state: 'received' }))?.code).toBe('review-required');
    expect(refusal('decide', facts({ state: 'awaiting-materials', reviewed: true }))?.code).toBe('awaiting-materials');
    expect(refusal('decide', facts({ state: 'reviewed', reviewed: true }))).toBeUndefined();
  });

  it('grants into granted, or into appointed when a lawyer was provided first; a denial is final', () => {
    expect(nextState('decide', facts({ state: 'reviewed', reviewed: true }), 'grant')).toBe('granted');
    expect(nextState('decide', facts({ state: 'provided-first', reviewed: true, lawyerId: 'l1' }), 'grant')).toBe(
      'appointed',
    );
    expect(nextState('decide', facts({ state: 'provided-first', reviewed: true, lawyerId: 'l1' }), 'deny')).toBe(
      'denied',
    );
    expect(refusal('review', facts({ state: 'denied' }))?.code).toBe('application-finished');
  });

  it('records the review once, and allows an override only before the decision', () => {
    expect(refusal('review', facts({ state: 'reviewed', reviewed: true }))?.code).toBe('already-reviewed');
    expect(refusal('override-review', facts({ state: 'received' }))?.code).toBe('review-required');
    expect(refusal('override-review', facts({ state: 'reviewed', reviewed: true }))).toBeUndefined();
    expect(refusal('override-review', facts({ state: 'granted', reviewed: true, decision: 'grant' }))?.code).toBe(
      'already-decided',
    );
  });

  it('closes only an appointed, granted case; materials only before the decision', () => {
    expect(refusal('close', facts({ state: 'provided-first', lawyerId: 'l1' }))?.code).toBe('closure-not-possible');
    expect(refusal('close', facts({ state: 'appointed', decision: 'grant', lawyerId: 'l1' }))).toBeUndefined();
    expect(refusal('request-materials', facts({ state: 'granted', decision: 'grant' }))?.code).toBe(
      'materials-not-requestable',
    );
    expect(refusal('receive-materials', facts({ state: 'received' }))?.code).toBe('no-materials-requested');
  });
});
