import { HANDLER_SERVICE_NAMES, IntakeSubmitted, WorkOrderDispatched } from '@legal/contracts';
import { TransitSealer } from '@legal/privacy';
import { EventSealing } from './event-sealing';

describe('EventSealing', () => {
  it('refuses to start a producer whose directory lacks a consumer of what it publishes', () => {
    const workOrder = TransitSealer.generateKeyPair('wo');
    const legalAid = TransitSealer.generateKeyPair('la');
    const directory = JSON.stringify({ 'work-order': workOrder.publicEntry, 'legal-aid': legalAid.publicEntry });
    // work-order publishes dispatches (for every handler service: legal-aid, mediation, notarization ...) and the
    // 12345 handovers (for identity)
    const sealer = TransitSealer.fromConfig('work-order', workOrder.privateEntry, directory);
    const missing = [...HANDLER_SERVICE_NAMES.filter((name) => name !== 'legal-aid'), 'identity'].sort();
    expect(new EventSealing(sealer).missingRecipients('work-order')).toEqual(missing);
    expect(() => EventSealing.checked(sealer, 'work-order')).toThrow(`no public key for ${missing.join(', ')}`);
    // the hotline publishes intakes, for work-order only
    expect(() =>
      EventSealing.checked(
        TransitSealer.fromConfig('hotline', TransitSealer.generateKeyPair('h').privateEntry, directory),
        'hotline',
      ),
    ).not.toThrow();
  });

  it('seals only the declared fields and opens them for the recipient', async () => {
    const data = { ...IntakeSubmitted.example, applicant: { name: '张三', phone: '13812345678' } };
    const wire = (await EventSealing.development('portal').seal(IntakeSubmitted, data)) as Record<string, unknown>;
    expect(wire.description).toBe(data.description);
    expect(JSON.stringify(wire.applicant)).not.toContain('13812345678');
    await expect(EventSealing.development('work-order').open(IntakeSubmitted, wire)).resolves.toEqual(data);
  });

  it('a dispatch is addressed to its handler only', async () => {
    const sealing = EventSealing.development('mediation');
    expect(sealing.isAddressedTo(WorkOrderDispatched, { ...WorkOrderDispatched.example, handler: 'mediation' })).toBe(
      true,
    );
    expect(sealing.isAddressedTo(WorkOrderDispatched, { ...WorkOrderDispatched.example, handler: 'legal-aid' })).toBe(
      false,
    );
    expect(sealing.isAddressedTo(IntakeSubmitted, IntakeSubmitted.example)).toBe(true);
  });
});
