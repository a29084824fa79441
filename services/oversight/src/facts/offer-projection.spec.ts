import { WorkOrderScript } from '@legal/testing';
import { offerStepOf } from './offer-projection';

describe('offer projection', () => {
  it('makes an offer of an offered entry and ends it with the answer, the expiry or a move away from offered', () => {
    const s = new WorkOrderScript({ citizen: {} });
    expect(offerStepOf(s.next('received'))).toBeNull();
    expect(offerStepOf(s.next('offered', { organisationId: 'org-a' }, 'offered'))).toMatchObject({
      kind: 'offer',
      seq: 2,
    });
    expect(offerStepOf(s.next('offered', {}, 'deadline-extended'))).toBeNull();
    expect(offerStepOf(s.next('offered', {}, 'offer-rejected'))).toMatchObject({ outcome: 'rejected', seq: 4 });
    expect(offerStepOf(s.next('offered', {}, 'offer-expired'))).toMatchObject({ outcome: 'expired' });
    expect(offerStepOf(s.next('accepted', {}, 'offer-accepted'))).toMatchObject({ outcome: 'accepted' });
    expect(offerStepOf(s.next('in-progress', {}, 'progressed'))).toBeNull();
    const reassigned = new WorkOrderScript({ citizen: {} });
    reassigned.next('offered', {}, 'offered');
    expect(offerStepOf(reassigned.next('supervisor-queue', {}, 'sent-to-supervisor-queue'))).toMatchObject({
      kind: 'decision',
      outcome: 'withdrawn',
    });
  });
});
