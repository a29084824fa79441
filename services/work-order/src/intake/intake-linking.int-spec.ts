import { IntakeRegistered, IntakeSubmitted, WorkOrderChanged } from '@legal/contracts';
import type { EventData } from '@legal/contracts';
import { waitUntil } from '@legal/testing';
import { WorkOrderEntity } from '../work-orders/entities/work-order.entity';
import { PossibleRelationEntity } from '../relations/entities/possible-relation.entity';
import { intake, randomMobile, validIdCard } from '../../test/intake-factory';
import { WorkOrderHarness } from '../../test/work-order-harness';

jest.setTimeout(90_000);

type Registered = EventData<typeof IntakeRegistered>;
type Changed = EventData<typeof WorkOrderChanged>;

const hash = (c: string): string => c.repeat(64);

/** Issue 13 finding 1: linking a duplicate must not hand the existing case to whoever typed the phone number. */
describe('linking a duplicate intake never hands the case over (real Kafka, PostgreSQL, Redis)', () => {
  let h: WorkOrderHarness;

  beforeAll(async () => {
    h = await WorkOrderHarness.start('wolink');
  });

  afterAll(async () => {
    await h?.stop();
  });

  async function submit(data: EventData<typeof IntakeSubmitted>): Promise<Registered> {
    await h.publish(IntakeSubmitted, data, data.intakeId);
    return (await h.waitForEvent<Registered>(IntakeRegistered.type, (d) => d.intakeId === data.intakeId)).data;
  }

  const latestChange = (workOrderId: string, version: number): Promise<Changed> =>
    waitUntil(
      () =>
        h.events<Changed>(WorkOrderChanged.type, (d) => d.workOrderId === workOrderId && d.version >= version).at(-1)
          ?.data,
      30000,
      `v${version} of ${workOrderId}`,
    );

  it('attaches an account to the existing case only when its verified phone is the case’s phone; the creating intake’s access code stays the tracking secret', async () => {
    const phone = randomMobile();
    const victim = await submit(
      intake({ platform: 'hotline', applicant: { name: '韩梅', phone }, accessCodeHash: hash('a') }),
    );
    expect(victim.outcome).toBe('created');

    // Someone else's account, the victim's phone typed into the form, another county, no ID number.
    const attacker = await submit(
      intake({
        platform: 'portal',
        regionCode: '370102',
        applicant: { name: '李雷', phone },
        citizenUserId: 'attacker-1',
        submittedBy: { role: 'citizen', userId: 'attacker-1' },
        accessCodeHash: hash('b'),
      }),
    );
    expect(attacker.outcome).toBe('linked-to-existing');
    let wo = await h.dataSource().manager.findOneByOrFail(WorkOrderEntity, { id: victim.workOrderId });
    expect(wo.citizenUserId).toBeNull();
    expect(wo.accessCodeHash).toBe(hash('a'));
    const afterAttack = await latestChange(victim.workOrderId, 3);
    expect(afterAttack.citizen.userId).toBeUndefined();
    expect(afterAttack.citizen.accessCodeHash).toBe(hash('a'));

    // An account whose verified phone is another one (the platform says: not verified) attaches nothing either.
    const otherPhone = await submit(
      intake({
        platform: 'portal',
        applicant: { name: '李雷', phone },
        citizenUserId: 'attacker-1',
        citizenPhoneVerified: false,
        submittedBy: { role: 'citizen', userId: 'attacker-1' },
      }),
    );
    expect(otherPhone.outcome).toBe('linked-to-existing');
    wo = await h.dataSource().manager.findOneByOrFail(WorkOrderEntity, { id: victim.workOrderId });
    expect(wo.citizenUserId).toBeNull();

    // The owner, signed in with an account whose verified phone is this phone.
    const owner = await submit(
      intake({
        platform: 'portal',
        applicant: { name: '韩梅', phone },
        citizenUserId: 'owner-1',
        citizenPhoneVerified: true,
        submittedBy: { role: 'citizen', userId: 'owner-1' },
      }),
    );
    expect(owner.outcome).toBe('linked-to-existing');
    wo = await h.dataSource().manager.findOneByOrFail(WorkOrderEntity, { id: victim.workOrderId });
    expect(wo.citizenUserId).toBe('owner-1');
    expect((await latestChange(victim.workOrderId, wo.version)).citizen).toMatchObject({
      userId: 'owner-1',
      accessCodeHash: hash('a'),
    });
  });

  describe('issue 13 finding 3: the same matter, not just the same service type', () => {
    it('does not link an unrelated request of the same ID number in another county; relates it instead', async () => {
      const idCardNumber = validIdCard('371324');
      const linyi = await submit(
        intake({
          platform: 'hotline',
          regionCode: '371324102',
          applicant: { name: '周七', idCardNumber, phone: randomMobile() },
        }),
      );
      const jinan = await submit(
        intake({
          platform: 'centre',
          regionCode: '370102',
          description: '交通事故受伤，对方保险公司拒绝赔偿医疗费',
          applicant: { name: '周七', idCardNumber, phone: randomMobile() },
          submittedBy: { role: 'centre-clerk', userId: 'clerk-jinan' },
        }),
      );
      expect(jinan.outcome).toBe('created');
      expect(jinan.caseCode.startsWith('370102-')).toBe(true); // the Jinan clerk's own walk-in, in his own jurisdiction
      expect(jinan.possiblyRelatedCaseCodes).toEqual([linyi.caseCode]);
      const relation = await h
        .dataSource()
        .manager.findOneByOrFail(PossibleRelationEntity, { workOrderId: jinan.workOrderId });
      expect(relation).toMatchObject({
        relatedWorkOrderId: linyi.workOrderId,
        reason: 'same-id-card-other-matter',
        status: 'pending',
      });
    });

    it('links a restatement of the same matter (same person, same county, overlapping description) and says why', async () => {
      const phone = randomMobile();
      const call = await submit(
        intake({ platform: 'hotline', regionCode: '371324102', applicant: { name: '吴八', phone } }),
      );
      const walkIn = await submit(
        intake({
          platform: 'centre',
          regionCode: '371324',
          description: '老板一直拖欠我的工资，工地上的活干完了不给钱',
          applicant: { name: '吴八', idCardNumber: validIdCard('371324'), phone },
          submittedBy: { role: 'centre-clerk', userId: 'clerk-lanling' },
        }),
      );
      expect(walkIn).toMatchObject({ outcome: 'linked-to-existing', caseCode: call.caseCode });
      const linked = await latestChange(call.workOrderId, 3);
      expect(linked.entry.note).toMatch(
        /same matter \(same service type; keyword overlap [\d.]+; same county; \d+ days apart\)/,
      );
    });

    it('relates two people sharing one phone who ask for the same service (conflicting ID numbers) instead of staying blind', async () => {
      const phone = randomMobile();
      const first = await submit(
        intake({
          platform: 'centre',
          applicant: { name: '郑九', idCardNumber: validIdCard('371324', '19600101'), phone },
        }),
      );
      const second = await submit(
        intake({
          platform: 'hotline',
          description: '我儿子在工地打工，老板拖欠工资',
          applicant: { name: '郑十', idCardNumber: validIdCard('371324', '19900101'), phone },
        }),
      );
      expect(second.outcome).toBe('created');
      expect(second.possiblyRelatedCaseCodes).toEqual([first.caseCode]);
      const relation = await h
        .dataSource()
        .manager.findOneByOrFail(PossibleRelationEntity, { workOrderId: second.workOrderId });
      expect(relation.reason).toBe('same-phone-other-matter');
    });
  });
});
