import { randomUUID } from 'node:crypto';
import { OFFICE_HOURS, ROUND_THE_CLOCK } from '../organisations/duty-schedule';
import { URGENT_ON_DUTY_SERVICE_TYPES } from '../migrations/1765000000000-urgent-on-duty-roster';
import { DEFAULT_ROUTING_RULES } from './default-routing-rules';
import type { OrganisationCandidate, RoutingRequest, RuleSnapshot, StaffCandidate } from './routing-decision.types';
import { explainWinner, rankCandidates } from './routing-score';

const RULES: RuleSnapshot[] = DEFAULT_ROUTING_RULES.map((r) => ({
  id: randomUUID(),
  ruleKey: r.ruleKey,
  revision: 1,
  kind: r.kind,
  name: r.name,
  params: { ...r.params },
}));
/** Monday 2025-12-01 10:15 in Shanghai (a working day), and the same day 21:00. */
const OFFICE_TIME = '2025-12-01T02:15:00.000Z';
const NIGHT = '2025-12-01T13:00:00.000Z';

function request(overrides: Partial<RoutingRequest> = {}): RoutingRequest {
  return {
    serviceType: 'legal-aid',
    regionCode: '371324101',
    language: 'zh',
    urgency: 'normal',
    vulnerableGroup: false,
    legalDeadlineAt: null,
    topicTags: [],
    arrivedAt: OFFICE_TIME,
    decidedAt: OFFICE_TIME,
    complaintAgainstOrganisationId: null,
    excludedOrganisations: {},
    excludedStaff: {},
    ...overrides,
  };
}

function staff(id: string, overrides: Partial<StaffCandidate> = {}): StaffCandidate {
  return { id, name: id, expertise: [], languages: ['zh'], capacity: 10, onDuty: OFFICE_HOURS, load: 0, ...overrides };
}

function org(id: string, overrides: Partial<OrganisationCandidate> = {}): OrganisationCandidate {
  return {
    id,
    name: id,
    kind: 'legal-aid-centre',
    level: 'county',
    regionCode: '371324',
    handler: 'legal-aid',
    dutyHours: OFFICE_HOURS,
    levelsUp: 0,
    load: 0,
    staff: [],
    ...overrides,
  };
}

const county = org('org-371324-legal-aid');
const city = org('org-371300-legal-aid', { level: 'city', regionCode: '371300', levelsUp: 1 });
const province = org('org-370000-legal-aid', { level: 'province', regionCode: '370000', levelsUp: 2 });

describe('routing score', () => {
  it('puts the lowest legal-aid centre of the jurisdiction first, then falls back up the tree', () => {
    const result = rankCandidates(request(), [province, city, county], RULES);
    expect(result.ranked.map((c) => c.organisationId)).toEqual([
      'org-371324-legal-aid',
      'org-371300-legal-aid',
      'org-370000-legal-aid',
    ]);
    const explanation = explainWinner(result, request());
    expect(explanation).toContain('handler.legal-aid');
    expect(explanation).toContain('jurisdiction');
    expect(explanation).toContain('Legal aid, duty-lawyer help and notified defence go to legal-aid centres');
  });

  it('skips an excluded organisation (it rejected the offer) and names why', () => {
    const result = rankCandidates(
      request({ excludedOrganisations: { 'org-371324-legal-aid': 'rejected the offer: no-capacity' } }),
      [county, city, province],
      RULES,
    );
    expect(result.ranked[0].organisationId).toBe('org-371300-legal-aid');
    expect(result.excluded).toEqual([
      expect.objectContaining({ organisationId: 'org-371324-legal-aid', excluded: 'rejected the offer: no-capacity' }),
    ]);
  });

  it('never offers a type to a kind of organisation the service-handler rules do not name', () => {
    const notary = org('org-371324-notary', { kind: 'notary-office', handler: 'notarization' });
    const result = rankCandidates(request(), [notary, county], RULES);
    expect(result.ranked.map((c) => c.organisationId)).toEqual(['org-371324-legal-aid']);
    expect(result.excluded[0].excluded).toMatch(/does not handle legal-aid/);
  });

  it('prefers the staff member whose expertise matches the topic, and the organisation that has one', () => {
    const labour = staff('lawyer-labour', { expertise: ['labour-dispute'] });
    const family = staff('lawyer-family', { expertise: ['family'] });
    const withExpert = org('org-a', { staff: [family, labour] });
    const without = org('org-b', { staff: [staff('lawyer-general')] });
    const result = rankCandidates(request({ topicTags: ['labour-dispute'] }), [without, withExpert], RULES);
    expect(result.ranked[0].organisationId).toBe('org-a');
    expect(result.ranked[0].staff?.staffId).toBe('lawyer-labour');
    expect(result.ranked[0].staff?.score).toBeGreaterThan(
      result.ranked[0].staffConsidered.find((s) => s.staffId === 'lawyer-family')?.score ?? Infinity,
    );
  });

  it('sends a consultation arriving at night to the 7x24 duty team, and by day to the township workstation', () => {
    const station = org('org-371324101-station', {
      kind: 'township-workstation',
      level: 'township',
      regionCode: '371324101',
      handler: 'external-agency',
    });
    const duty = org('org-370000-hotline', {
      kind: 'hotline-duty-team',
      level: 'province',
      regionCode: '370000',
      handler: 'hotline',
      dutyHours: ROUND_THE_CLOCK,
    });
    const day = rankCandidates(request({ serviceType: 'legal-consultation' }), [station, duty], RULES);
    expect(day.ranked[0].organisationId).toBe('org-371324101-station');
    const night = rankCandidates(
      request({ serviceType: 'legal-consultation', arrivedAt: NIGHT, decidedAt: NIGHT }),
      [station, duty],
      RULES,
    );
    expect(night.ranked[0].organisationId).toBe('org-370000-hotline');
    expect(night.ranked[0].contributions.map((c) => c.reason).join(' ')).toMatch(/duty team takes legal-consultation/);
  });

  it('sends an urgent legal-aid request out of hours to an organisation on duty even one level up; a normal one waits for the local centre', () => {
    const onDutyCity = org('org-371300-legal-aid', {
      level: 'city',
      regionCode: '371300',
      levelsUp: 1,
      dutyHours: ROUND_THE_CLOCK,
    });
    const urgent = rankCandidates(
      request({ arrivedAt: NIGHT, decidedAt: NIGHT, legalDeadlineAt: '2025-12-03T00:00:00.000Z' }),
      [county, onDutyCity],
      RULES,
    );
    expect(urgent.priority).toBe('urgent');
    expect(urgent.ranked[0].organisationId).toBe('org-371300-legal-aid');
    const normal = rankCandidates(request({ arrivedAt: NIGHT, decidedAt: NIGHT }), [county, onDutyCity], RULES);
    expect(normal.priority).toBe('normal');
    expect(normal.ranked[0].organisationId).toBe('org-371324-legal-aid');
  });

  it('rates vulnerable applicants high priority', () => {
    expect(rankCandidates(request({ vulnerableGroup: true }), [county], RULES).priority).toBe('high');
  });

  it('never routes a complaint to the organisation it is about', () => {
    const centre = org('org-371300-centre', {
      kind: 'public-legal-service-centre',
      level: 'city',
      regionCode: '371300',
      handler: 'external-agency',
    });
    const against = org('org-371324-centre', { kind: 'public-legal-service-centre', handler: 'external-agency' });
    const result = rankCandidates(
      request({ serviceType: 'complaint', complaintAgainstOrganisationId: 'org-371324-centre' }),
      [against, centre],
      RULES,
    );
    expect(result.ranked.map((c) => c.organisationId)).toEqual(['org-371300-centre']);
    expect(result.excluded[0]).toMatchObject({
      organisationId: 'org-371324-centre',
      excluded: 'the complaint is about this organisation',
    });
  });

  it('skips staff at capacity and penalises an organisation over capacity so a same-level peer wins', () => {
    const busy = org('org-busy', {
      load: 12,
      staff: [staff('s-full', { capacity: 2, load: 2 }), staff('s-free', { capacity: 10, load: 9 })],
    });
    const quiet = org('org-quiet', { load: 1, staff: [staff('s-quiet', { capacity: 10, load: 1 })] });
    const result = rankCandidates(request(), [busy, quiet], RULES);
    expect(result.ranked[0].organisationId).toBe('org-quiet');
    const busyScored = result.ranked.find((c) => c.organisationId === 'org-busy');
    expect(busyScored?.staffConsidered.find((s) => s.staffId === 's-full')?.excluded).toMatch(/at capacity/);
    expect(busyScored?.staff?.staffId).toBe('s-free');
  });

  it('penalises an organisation where nobody speaks the language of the request', () => {
    const uyghur = org('org-ug', { staff: [staff('s-ug', { languages: ['zh', 'ug'] })] });
    const plain = org('org-zh', { staff: [staff('s-zh')] });
    expect(rankCandidates(request({ language: 'ug' }), [plain, uyghur], RULES).ranked[0].organisationId).toBe('org-ug');
  });

  it('changes the decision when a rule revision changes its weights (rules are data)', () => {
    const revised = RULES.map((r) =>
      r.ruleKey === 'jurisdiction' ? { ...r, revision: 2, params: { ...r.params, perLevelPenalty: 0 } } : r,
    );
    const busyCounty = org('org-371324-legal-aid', { load: 30 });
    expect(rankCandidates(request(), [busyCounty, city], RULES).ranked[0].organisationId).toBe('org-371324-legal-aid');
    expect(rankCandidates(request(), [busyCounty, city], revised).ranked[0].organisationId).toBe(
      'org-371300-legal-aid',
    );
  });

  describe('urgent matters go to whoever is on duty now (time-slot rule, urgentOnDutyServiceTypes)', () => {
    /** The rules after migration 1765000000000: the time-slot rule names the roster's service types. */
    const ROSTER_RULES: RuleSnapshot[] = RULES.map((r) =>
      r.kind === 'time-slot'
        ? { ...r, revision: 2, params: { ...r.params, urgentOnDutyServiceTypes: URGENT_ON_DUTY_SERVICE_TYPES } }
        : r,
    );
    const mediation = (id: string, overrides: Partial<OrganisationCandidate> = {}): OrganisationCandidate =>
      org(id, { kind: 'mediation-committee', handler: 'mediation', ...overrides });
    const township = mediation('org-371324101-mediation', { level: 'township', regionCode: '371324101' });
    const countyCommittee = mediation('org-371324-mediation', { levelsUp: 1 });
    /** Saturday 2025-12-06 23:40 in Shanghai: a rest day, every office closed. */
    const SATURDAY_NIGHT = '2025-12-06T15:40:00.000Z';
    const urgentAt = (at: string): RoutingRequest =>
      request({ serviceType: 'mediation', urgency: 'urgent', arrivedAt: at, decidedAt: at });

    it('offers an urgent mediation at night to the committee with a 7x24 roster, not the closed township one', () => {
      const onCall = { ...countyCommittee, dutyHours: ROUND_THE_CLOCK };
      const result = rankCandidates(urgentAt(SATURDAY_NIGHT), [township, onCall], ROSTER_RULES);
      expect(result.ranked.map((c) => c.organisationId)).toEqual(['org-371324-mediation']);
      expect(result.excluded).toEqual([
        expect.objectContaining({
          organisationId: 'org-371324101-mediation',
          excluded: expect.stringMatching(/^urgent: not on duty now \(rest day\/holiday 2025-12-06 23:40/),
        }),
      ]);
      expect(result.onDutyRoster).toEqual({
        checkedAt: SATURDAY_NIGHT,
        onDuty: [{ organisationId: 'org-371324-mediation', reason: 'on duty around the clock (7x24)' }],
        offDuty: [{ organisationId: 'org-371324101-mediation', reason: expect.stringContaining('outside duty hours') }],
        fallback: null,
      });
      expect(explainWinner(result, urgentAt(SATURDAY_NIGHT))).toContain(
        'Urgent: only whoever is on duty at 2025-12-06 23:40 Asia/Shanghai was considered (1 organisation(s) on duty, 1 off duty).',
      );
    });

    it('falls back to the supervisor queue when nobody is on duty, and says so', () => {
      const result = rankCandidates(urgentAt(SATURDAY_NIGHT), [township, countyCommittee], ROSTER_RULES);
      expect(result.ranked).toEqual([]);
      expect(result.onDutyRoster?.fallback).toBe('supervisor-queue');
      expect(result.onDutyRoster?.offDuty.map((o) => o.organisationId)).toEqual([
        'org-371324101-mediation',
        'org-371324-mediation',
      ]);
      expect(explainWinner(result, urgentAt(SATURDAY_NIGHT))).toContain(
        'nobody is on duty, so the supervisor queue takes it',
      );
      const timeSlot = result.rulesUsed.find((r) => r.kind === 'time-slot');
      expect(timeSlot?.effect).toContain('nobody, so the supervisor queue');
    });

    it('checks the roster when the decision is made, not when the matter arrived', () => {
      const arrivedInOffice = request({
        serviceType: 'mediation',
        urgency: 'urgent',
        arrivedAt: OFFICE_TIME,
        decidedAt: NIGHT,
      });
      const result = rankCandidates(arrivedInOffice, [township, countyCommittee], ROSTER_RULES);
      expect(result.ranked).toEqual([]);
      expect(result.onDutyRoster?.checkedAt).toBe(NIGHT);
    });

    it('passes over staff off duty now and offers to one on call', () => {
      const office = staff('mediator-office');
      const onCall = staff('mediator-on-call', { onDuty: ROUND_THE_CLOCK, load: 5 });
      const open = { ...township, dutyHours: ROUND_THE_CLOCK, staff: [office, onCall] };
      const result = rankCandidates(urgentAt(SATURDAY_NIGHT), [open], ROSTER_RULES);
      expect(result.ranked[0]?.staff?.staffId).toBe('mediator-on-call');
      expect(result.ranked[0]?.staffConsidered.find((s) => s.staffId === 'mediator-office')?.excluded).toMatch(
        /^urgent: off duty now/,
      );
    });

    it('leaves normal matters, legal aid and rule revisions without the list as they were', () => {
      const normal = rankCandidates(
        request({ serviceType: 'mediation', arrivedAt: SATURDAY_NIGHT, decidedAt: SATURDAY_NIGHT }),
        [township, countyCommittee],
        ROSTER_RULES,
      );
      expect(normal.ranked).toHaveLength(2);
      expect(normal.onDutyRoster).toBeUndefined();
      const legalAid = rankCandidates(
        request({ urgency: 'urgent', arrivedAt: SATURDAY_NIGHT, decidedAt: SATURDAY_NIGHT }),
        [county, city],
        ROSTER_RULES,
      );
      expect(legalAid.ranked).toHaveLength(2);
      expect(legalAid.onDutyRoster).toBeUndefined();
      for (const serviceType of ['duty-lawyer', 'notified-defence'] as const) {
        const notice = rankCandidates(
          request({ serviceType, urgency: 'urgent', arrivedAt: SATURDAY_NIGHT, decidedAt: SATURDAY_NIGHT }),
          [county, city],
          ROSTER_RULES,
        );
        expect(notice.ranked).toHaveLength(2);
        expect(notice.onDutyRoster).toBeUndefined();
      }
      const oldRules = rankCandidates(urgentAt(SATURDAY_NIGHT), [township, countyCommittee], RULES);
      expect(oldRules.ranked).toHaveLength(2);
    });
  });
});
