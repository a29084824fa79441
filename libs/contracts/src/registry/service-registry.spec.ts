import { HANDLERS, SERVICE_TYPES } from '../schemas/common.schema';
import { checkEventPayload } from '../validation';
import { WorkOrderDispatched } from '../events/work-order-dispatched.event';
import { Progressed } from '../events/progressed.event';
import {
  HANDLER_SERVICE_CODES,
  HANDLER_SERVICE_NAMES,
  HANDLER_SERVICES,
  handlerServiceFor,
  REGISTERED_SERVICE_NAMES,
  SERVICE_REGISTRY,
  serviceManifest,
} from './service-registry';

describe('service registry', () => {
  it('gives every service a unique kebab-case name, a unique port and a unique schema named after it', () => {
    const names = SERVICE_REGISTRY.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(SERVICE_REGISTRY.map((s) => s.port)).size).toBe(names.length);
    for (const s of SERVICE_REGISTRY) {
      expect(s.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(s.schema).toBe(s.name.replace(/-/g, '_'));
      expect(s.port).toBeGreaterThanOrEqual(1024);
    }
  });

  it('keeps the ports of the existing services (clients, compose and docs rely on them)', () => {
    expect(Object.fromEntries(SERVICE_REGISTRY.map((s) => [s.name, s.port]))).toMatchObject({
      'work-order': 3000,
      hotline: 3001,
      portal: 3002,
      centre: 3003,
      'legal-aid': 3004,
      mediation: 3005,
      notarization: 3006,
      identity: 3007,
    });
  });

  it('has exactly one core and one identity service, and the three intake platforms', () => {
    expect(SERVICE_REGISTRY.filter((s) => s.kind === 'core').map((s) => s.name)).toEqual(['work-order']);
    expect(SERVICE_REGISTRY.filter((s) => s.kind === 'identity').map((s) => s.name)).toEqual(['identity']);
    const platforms = SERVICE_REGISTRY.filter((s) => s.kind === 'platform').map((s) => s.name);
    expect(platforms).toEqual(['hotline', 'portal', 'centre']);
  });

  it('gives each handler service a profile whose codes, organisation kinds and id suffixes are its own', () => {
    expect(HANDLER_SERVICES.length).toBeGreaterThanOrEqual(3);
    for (const key of ['code', 'displayNameZh', 'staffRole', 'routingRuleName'] as const) {
      const values = HANDLER_SERVICES.map((s) => s.handler[key]);
      expect(new Set(values).size).toBe(values.length);
    }
    const kinds = HANDLER_SERVICES.map((s) => s.handler.organisation.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    const suffixes = HANDLER_SERVICES.map((s) => s.handler.organisation.idSuffix);
    expect(new Set(suffixes).size).toBe(suffixes.length);
    for (const { name, handler } of HANDLER_SERVICES) {
      // Dispatches are sealed for the consumer their `handler` field names (sealedForField): code = service name.
      expect(handler.code).toBe(name);
      expect(handler.displayNameZh).toMatch(/^\p{Script=Han}+$/u);
      expect(handler.organisation.nameSuffix).toMatch(/\p{Script=Han}/u);
      expect(handler.organisation.seedLevels.length).toBeGreaterThan(0);
      expect(handler.devStaff.username).toMatch(/^dev-[a-z-]+$/);
    }
  });

  it('lets each catalogue type be handled by at most one handler service, and only catalogue types', () => {
    const claimed = HANDLER_SERVICES.flatMap((s) => s.handler.serviceTypes);
    expect(new Set(claimed).size).toBe(claimed.length);
    for (const type of claimed) expect(SERVICE_TYPES).toContain(type);
    expect(handlerServiceFor('duty-lawyer')?.name).toBe('legal-aid');
    expect(handlerServiceFor('complaint')).toBeUndefined();
  });

  it('keeps every existing wire handler value, handler services first, the non-service handlers after', () => {
    for (const value of ['legal-aid', 'mediation', 'notarization', 'hotline', 'external-agency', 'supervision']) {
      expect(HANDLERS).toContain(value);
    }
    expect(HANDLERS.slice(0, HANDLER_SERVICE_CODES.length)).toEqual(HANDLER_SERVICE_CODES);
    expect(HANDLERS.slice(HANDLER_SERVICE_CODES.length)).toEqual(['hotline', 'external-agency', 'supervision']);
    expect(new Set(HANDLERS).size).toBe(HANDLERS.length);
  });

  it('makes every handler service a consumer of dispatches and a producer of handler reports', () => {
    expect(WorkOrderDispatched.consumers).toEqual([...HANDLER_SERVICE_NAMES]);
    expect(Progressed.producers).toEqual([...HANDLER_SERVICE_NAMES]);
    const last = HANDLER_SERVICE_CODES[HANDLER_SERVICE_CODES.length - 1];
    const example = { ...WorkOrderDispatched.example, handler: last };
    expect(checkEventPayload(WorkOrderDispatched.type, example)).toMatchObject({ ok: true });
    const unknown = { ...example, handler: 'no-such-handler' };
    expect(checkEventPayload(WorkOrderDispatched.type, unknown)).toMatchObject({ ok: false });
  });

  it('writes one manifest row per service for the scripts', () => {
    expect(serviceManifest().map((r) => r.name)).toEqual([...REGISTERED_SERVICE_NAMES]);
    expect(serviceManifest().find((r) => r.name === 'legal-aid')).toEqual({
      name: 'legal-aid',
      kind: 'handler',
      port: 3004,
      schema: 'legal_aid',
      handler: 'legal-aid',
    });
    expect(serviceManifest().find((r) => r.name === 'portal')?.handler).toBeNull();
  });
});
