import { WorkOrderScript } from '@legal/testing';
import { factChangeOf, regionLevels } from './fact-projection';

describe('fact projection', () => {
  it('derives the city and county of a township or village code', () => {
    expect(regionLevels('371324101')).toEqual({ cityCode: '371300', countyCode: '371324' });
    expect(regionLevels('370102001002')).toEqual({ cityCode: '370100', countyCode: '370102' });
  });

  it('takes the moment of dispatch, acceptance and a 督办 from the timeline entry of the view', () => {
    const script = new WorkOrderScript({ citizen: {}, regionCode: '371324101' });
    script.next('received');
    const offered = factChangeOf(script.next('offered', { organisationId: 'org-371324-legal-aid' }, 'offered'));
    expect(offered).toMatchObject({
      dispatchedAt: expect.any(Date),
      acceptedAt: null,
      organisationId: 'org-371324-legal-aid',
    });
    const accepted = factChangeOf(script.next('accepted', {}, 'offer-accepted'));
    expect(accepted.acceptedAt).toBeInstanceOf(Date);
    expect(accepted.dispatchedAt).toBeNull();
    const supervised = factChangeOf(script.next('in-progress', {}, 'supervision-order-issued', 'supervisor'));
    expect([supervised.supervised, supervised.supervisionResolved]).toEqual([true, false]);
  });

  it('marks a fallback to triage, a reopening and a merge as duplicate', () => {
    const script = new WorkOrderScript({ citizen: {} });
    expect(factChangeOf(script.next('triage', {}, 'sent-to-triage')).routingFallback).toBe(true);
    expect(factChangeOf(script.next('reopened', {}, 'reopened')).reopened).toBe(true);
    expect(factChangeOf(script.next('merged', {}, 'merged')).duplicate).toBe(true);
  });
});
