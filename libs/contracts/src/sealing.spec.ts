import { ALL_EVENTS } from './registry';
import { HANDLER_SERVICE_NAMES } from './registry/service-registry';
import { WorkOrderDispatched } from './events/work-order-dispatched.event';
import { sealedFieldsOf, sealRecipientsOf, wireExampleOf, wireSchemaOf } from './sealing';
import { checkWirePayload } from './validation';

const PERSONAL = /^(idCardNumber|phone|address|mobile|telephone)$/;

/** Paths of properties named like personal data, outside the fields the definition seals. */
function clearPersonalPaths(schema: unknown, path: string[] = []): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const found: string[] = [];
  const node = schema as { properties?: Record<string, unknown>; items?: unknown; anyOf?: unknown[] };
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    if (PERSONAL.test(name)) found.push([...path, name].join('.'));
    found.push(...clearPersonalPaths(child, [...path, name]));
  }
  if (node.items) found.push(...clearPersonalPaths(node.items, [...path, '[]']));
  for (const branch of node.anyOf ?? []) found.push(...clearPersonalPaths(branch, path));
  return found;
}

describe('sealed personal data in event contracts', () => {
  it('no event carries a phone, ID-card number or address outside a sealed field', () => {
    const offenders = ALL_EVENTS.flatMap((definition) => {
      const sealed = new Set(sealedFieldsOf(definition));
      return clearPersonalPaths(definition.schema)
        .filter((path) => !sealed.has(path.split('.')[0]!))
        .map((path) => `${definition.type}: ${path}`);
    });
    expect(offenders).toEqual([]);
  });

  it('the intake, dispatch and defence-notice events seal their person', () => {
    const byType = Object.fromEntries(ALL_EVENTS.map((d) => [d.type, sealedFieldsOf(d)]));
    expect(byType['legal.intake.submitted.v1']).toEqual(['applicant']);
    expect(byType['legal.workorder.dispatched.v1']).toEqual(['applicant']);
    // The notice also seals the sender's access token (its proof of agency and area): a credential, not for other eyes.
    expect(byType['legal.partner.defence-notice.v1']).toEqual(['suspect', 'partnerToken']);
  });

  it('a dispatch is sealed for the handler it offers the work order to; other values fall back to every consumer', () => {
    expect(sealRecipientsOf(WorkOrderDispatched, { ...WorkOrderDispatched.example, handler: 'mediation' })).toEqual([
      'mediation',
    ]);
    expect(sealRecipientsOf(WorkOrderDispatched, { ...WorkOrderDispatched.example, handler: 'legal-aid' })).toEqual([
      'legal-aid',
    ]);
    expect(
      sealRecipientsOf(WorkOrderDispatched, { ...WorkOrderDispatched.example, handler: 'external-agency' }),
    ).toEqual([...HANDLER_SERVICE_NAMES]);
    expect(sealRecipientsOf(WorkOrderDispatched)).toEqual([...HANDLER_SERVICE_NAMES]);
  });

  it('every wire example fits its wire schema, and the wire schema refuses a clear person', () => {
    for (const definition of ALL_EVENTS) {
      const check = checkWirePayload(definition.type, wireExampleOf(definition));
      expect(check.ok ? 'ok' : `${definition.type}: ${check.errors.join('; ')}`).toBe('ok');
      if (sealedFieldsOf(definition).length > 0) {
        expect(checkWirePayload(definition.type, definition.example).ok).toBe(false);
        const properties = (wireSchemaOf(definition) as { properties: Record<string, { 'x-sealed-schema'?: unknown }> })
          .properties;
        for (const field of sealedFieldsOf(definition)) expect(properties[field]?.['x-sealed-schema']).toBeDefined();
      }
    }
  });
});
