import { IntakeSubmitted, WorkOrderDispatched } from '@legal/contracts';
import { EventSealing } from '../sealing/event-sealing';
import { isSealedFor } from './sealed-addressing';

const applicant = { name: '张三', phone: '13812345678', address: '山东省临沂市兰陵县卞庄街道幸福路1号' };

describe('isSealedFor (addressing decided without keys)', () => {
  it('a dispatch sealed for mediation is for mediation only, whatever the reader holds', async () => {
    const data = { ...WorkOrderDispatched.example, handler: 'mediation', applicant };
    const wire = await EventSealing.development('work-order').seal(WorkOrderDispatched, data);
    expect(isSealedFor(WorkOrderDispatched, wire, 'mediation')).toBe(true);
    expect(isSealedFor(WorkOrderDispatched, wire, 'legal-aid')).toBe(false);
  });

  it('reads the recipients from the kids when the definition addresses every consumer', async () => {
    const wire = (await EventSealing.development('hotline').seal(IntakeSubmitted, {
      ...IntakeSubmitted.example,
      applicant: { ...applicant, idCardNumber: '371324199003071234' },
    })) as { applicant: { recipients: { header: { kid: string } }[] } };
    expect(isSealedFor(IntakeSubmitted, wire, 'work-order')).toBe(true);
    expect(isSealedFor(IntakeSubmitted, wire, 'oversight')).toBe(false);
    const forOthers = {
      ...wire,
      applicant: { ...wire.applicant, recipients: [{ header: { alg: 'ECDH-ES+A256KW', kid: 'legal-aid/k1' } }] },
    };
    expect(isSealedFor(IntakeSubmitted, forOthers, 'work-order')).toBe(false);
  });

  it('a payload with no sealed value present concerns every consumer', () => {
    const { applicant: _absent, ...rest } = IntakeSubmitted.example as Record<string, unknown>;
    expect(isSealedFor(IntakeSubmitted, rest, 'work-order')).toBe(true);
    expect(isSealedFor(IntakeSubmitted, 'not an object', 'work-order')).toBe(true);
  });
});
