import { ALL_EVENTS, defineEvent, TOPICS } from '@legal/contracts';
import type { EventDefinition } from '@legal/contracts';
import { Type } from '@sinclair/typebox';
import {
  aclKey,
  AclBinding,
  allServiceAcls,
  instanceGroupPrefix,
  KAFKA_SERVICE_PRINCIPALS,
  partnerAcls,
  serviceAcls,
  serviceOfPrincipal,
  serviceTopics,
  topicsNeededBy,
} from './kafka-acls';

const keys = (bindings: AclBinding[]): string[] => bindings.map(aclKey).sort();
const grants = (bindings: AclBinding[], resource: string, name: string): string[] =>
  bindings
    .filter((b) => b.resource === resource && b.name === name)
    .map((b) => `${b.pattern}:${b.operation}`)
    .sort();

describe('Kafka ACLs derived from the contracts', () => {
  it('gives a producer WRITE+DESCRIBE on what it produces, READ+DESCRIBE on what it consumes, WRITE on those dead letters, and its own groups', () => {
    const acls = serviceAcls('portal');
    expect(grants(acls, 'topic', 'legal.intake.submitted')).toEqual(['literal:describe', 'literal:write']);
    expect(grants(acls, 'topic', 'legal.feedback')).toEqual(['literal:describe', 'literal:write']);
    expect(grants(acls, 'topic', 'legal.intake.outcome')).toEqual(['literal:describe', 'literal:read']);
    expect(grants(acls, 'topic', 'legal.workorder.changed')).toEqual(['literal:describe', 'literal:read']);
    expect(grants(acls, 'topic', 'legal.intake.outcome.dlq')).toEqual(['literal:describe', 'literal:write']);
    expect(grants(acls, 'group', 'portal.')).toEqual(['prefixed:read']);
    // nothing else: no dead letters of what it only produces, no other topics, no cluster rights, no CREATE
    expect(acls.every((b) => b.principal === 'User:portal')).toBe(true);
    expect(acls.filter((b) => b.resource === 'cluster')).toEqual([]);
    expect(acls.filter((b) => b.operation === 'create')).toEqual([]);
    expect(grants(acls, 'topic', 'legal.intake.submitted.dlq')).toEqual([]);
    expect(grants(acls, 'topic', 'legal.workorder.dispatch')).toEqual([]);
    expect(new Set(acls.map((b) => b.name))).toEqual(
      new Set([
        'legal.calendar',
        'legal.calendar.dlq',
        'legal.intake.submitted',
        'legal.feedback',
        'legal.intake.outcome',
        'legal.intake.outcome.dlq',
        'legal.workorder.changed',
        'legal.workorder.changed.dlq',
        'portal.',
        'instance.portal.',
      ]),
    );
  });

  it('follows every event of the registry: each producer may write its topic, each consumer read it', () => {
    for (const event of ALL_EVENTS.filter((e) => !e.topic.includes('{'))) {
      for (const service of KAFKA_SERVICE_PRINCIPALS) {
        const acls = serviceAcls(service);
        const ops = grants(acls, 'topic', event.topic);
        expect({ service, topic: event.topic, write: ops.includes('literal:write') }).toEqual({
          service,
          topic: event.topic,
          write:
            (event.producers as string[]).includes(service) || serviceTopics(service).produces.includes(event.topic),
        });
        expect({ service, topic: event.topic, read: ops.includes('literal:read') }).toEqual({
          service,
          topic: event.topic,
          read: serviceTopics(service).consumes.includes(event.topic),
        });
        if ((event.consumers as string[]).includes(service))
          expect(grants(acls, 'topic', `${event.topic}.dlq`)).toContain('literal:write');
      }
    }
  });

  it('lets the work-order service read intake, reports, feedback and referrals and write the lifecycle streams', () => {
    const acls = serviceAcls('work-order');
    for (const t of [TOPICS.intakeSubmitted, TOPICS.handlerReport, TOPICS.feedback, TOPICS.referral])
      expect(grants(acls, 'topic', t.name)).toContain('literal:read');
    for (const t of [TOPICS.intakeOutcome, TOPICS.workOrderDispatch, TOPICS.workOrderChanged, TOPICS.workOrderDeadline])
      expect(grants(acls, 'topic', t.name)).toContain('literal:write');
    expect(grants(acls, 'group', 'work-order.')).toEqual(['prefixed:read']);
  });

  it("gives each service its own per-instance groups (the calendar follower's), outside its shared prefix, and no other service", () => {
    for (const service of KAFKA_SERVICE_PRINCIPALS) {
      const mine = instanceGroupPrefix(service);
      expect(mine.startsWith(`${service}.`)).toBe(false);
      for (const other of KAFKA_SERVICE_PRINCIPALS) {
        const granted = grants(serviceAcls(other), 'group', mine);
        const consumes = serviceTopics(other).consumes.length > 0;
        expect({ other, mine, granted }).toEqual({
          other,
          mine,
          granted: other === service && consumes ? ['prefixed:read'] : [],
        });
      }
    }
    expect(grants(serviceAcls('legal-aid', 't_x'), 'group', 't_x.instance.legal-aid.')).toEqual(['prefixed:read']);
  });

  it('lets the identity service (partner gateway) create and write partner feeds by prefix, and nothing on the cluster', () => {
    const acls = serviceAcls('identity');
    expect(grants(acls, 'topic', 'legal.partner.feed.')).toEqual([
      'prefixed:create',
      'prefixed:describe',
      'prefixed:write',
    ]);
    expect(grants(acls, 'topic', 'legal.workorder.changed')).toEqual(['literal:describe', 'literal:read']);
    expect(acls.filter((b) => b.resource === 'cluster')).toEqual([]);
  });

  it('applies the deployment prefix to topics, dead letters and groups', () => {
    const acls = serviceAcls('legal-aid', 't_x_abc123');
    expect(grants(acls, 'topic', 't_x_abc123.legal.workorder.dispatch')).toEqual(['literal:describe', 'literal:read']);
    expect(grants(acls, 'topic', 't_x_abc123.legal.workorder.dispatch.dlq')).toEqual([
      'literal:describe',
      'literal:write',
    ]);
    expect(grants(acls, 'topic', 't_x_abc123.legal.partner.notice')).toEqual(['literal:describe', 'literal:read']);
    expect(grants(acls, 'group', 't_x_abc123.legal-aid.')).toEqual(['prefixed:read']);
    expect(acls.some((b) => !b.name.startsWith('t_x_abc123.'))).toBe(false);
  });

  it('gives a rotation twin the same rights under its own principal', () => {
    const twin = serviceAcls('portal', '', 'portal.v2');
    expect(twin.every((b) => b.principal === 'User:portal.v2')).toBe(true);
    expect(keys(twin.map((b) => ({ ...b, principal: 'User:portal' })))).toEqual(keys(serviceAcls('portal')));
    expect(serviceOfPrincipal('portal.v2')).toBe('portal');
    expect(serviceOfPrincipal('portal')).toBe('portal');
    expect(serviceOfPrincipal('admin')).toBeUndefined();
    expect(serviceOfPrincipal('partner-court')).toBeUndefined();
    expect(allServiceAcls('', ['portal', 'portal.v2', 'admin']).map((b) => b.principal)).toEqual(
      expect.arrayContaining(['User:portal', 'User:portal.v2']),
    );
    expect(allServiceAcls('', ['admin'])).toEqual([]);
  });

  it('lets a partner read only its own feed, use its own groups, and write partner notices', () => {
    const acls = partnerAcls('court-jinan', 'p');
    expect(acls.every((b) => b.principal === 'User:partner-court-jinan')).toBe(true);
    expect(keys(acls)).toEqual(
      keys([
        {
          principal: 'User:partner-court-jinan',
          resource: 'topic',
          pattern: 'literal',
          name: 'p.legal.partner.feed.court-jinan',
          operation: 'read',
        },
        {
          principal: 'User:partner-court-jinan',
          resource: 'topic',
          pattern: 'literal',
          name: 'p.legal.partner.feed.court-jinan',
          operation: 'describe',
        },
        {
          principal: 'User:partner-court-jinan',
          resource: 'group',
          pattern: 'prefixed',
          name: 'p.partner-court-jinan.',
          operation: 'read',
        },
        {
          principal: 'User:partner-court-jinan',
          resource: 'topic',
          pattern: 'literal',
          name: 'p.legal.partner.notice',
          operation: 'write',
        },
        {
          principal: 'User:partner-court-jinan',
          resource: 'topic',
          pattern: 'literal',
          name: 'p.legal.partner.notice',
          operation: 'describe',
        },
      ]),
    );
    expect(() => partnerAcls('bad id*')).toThrow(/cannot name a Kafka topic/);
  });

  it('derives from the contracts only: a partner that may produce nothing gets no WRITE', () => {
    const onlyFeed: EventDefinition[] = ALL_EVENTS.filter(
      (e) => !(e.producers as string[]).includes('partner-agencies'),
    );
    expect(partnerAcls('x', '', onlyFeed).filter((b) => b.operation === 'write')).toEqual([]);
    const custom = defineEvent({
      type: 'legal.test.thing.v1',
      topic: 'legal.feedback',
      summary: 's',
      schema: Type.Object({}),
      example: {},
      producers: ['mediation'],
      consumers: ['hotline'],
    });
    expect(serviceTopics('mediation', [custom as unknown as EventDefinition])).toEqual({
      produces: ['legal.feedback'],
      consumes: [],
      producesPrefixes: [],
    });
  });

  it('lists the topics a service must find at start-up: its own, and the dead letters of what it consumes', () => {
    expect(topicsNeededBy('portal')).toEqual({
      topics: [
        'legal.calendar',
        'legal.feedback',
        'legal.intake.outcome',
        'legal.intake.submitted',
        'legal.workorder.changed',
      ],
      deadLetters: ['legal.calendar.dlq', 'legal.intake.outcome.dlq', 'legal.workorder.changed.dlq'],
    });
    expect(topicsNeededBy('some-test-service')).toBeUndefined();
  });
});
