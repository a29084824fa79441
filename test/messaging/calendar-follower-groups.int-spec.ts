import { Kafka, logLevel } from 'kafkajs';
import { instanceGroupPrefix } from '@legal/messaging';
import { waitUntil } from '@legal/testing';
import { benchAdminSasl } from '../../bench/lib/kafka-auth';
import { waitForGroupMembers } from '../../bench/lib/kafka-groups';
import { WorkOrderHarness } from '../../services/work-order/test/work-order-harness';

// Two work-order instances and Kafka rebalances: longer than Jest's 5 s default.
jest.setTimeout(120_000);

const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

/**
 * The calendar follower reads legal.calendar with a group per instance (one member each, by design). Those
 * groups live under the service's per-instance prefix, so waiting for a service's shared groups to have one
 * member per instance (bench and failover checks) needs no exception for them.
 */
describe("calendar followers' groups stay outside the service's shared group prefix (real Kafka)", () => {
  let wo: WorkOrderHarness;

  beforeAll(async () => {
    wo = await WorkOrderHarness.start('calgroups', {}, 2);
  });

  afterAll(async () => {
    await wo?.stop();
  });

  it("two instances: every shared group has two members, and each instance's follower has a group of its own", async () => {
    const shared = await waitForGroupMembers(BROKERS, [`${wo.tag}.work-order.`], 2, 60_000);
    expect(shared.ok).toBe(true);
    expect(shared.groups.length).toBeGreaterThan(0);
    expect(shared.groups.some((g) => g.groupId.includes('calendar-follower'))).toBe(false);

    const admin = new Kafka({
      clientId: 'calendar-groups',
      brokers: BROKERS,
      sasl: benchAdminSasl(),
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    try {
      const followerPrefix = `${wo.tag}.${instanceGroupPrefix('work-order')}calendar-follower.`;
      const followers = await waitUntil(
        async () => {
          const ids = (await admin.listGroups()).groups
            .map((g) => g.groupId)
            .filter((g) => g.startsWith(followerPrefix));
          if (ids.length < 2) return undefined;
          const { groups } = await admin.describeGroups(ids);
          return groups.every((g) => g.state === 'Stable') ? groups : undefined;
        },
        30_000,
        'one stable calendar-follower group per work-order instance',
      );
      expect(followers).toHaveLength(2);
      expect(followers.map((g) => g.members.length)).toEqual([1, 1]);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  });
});
