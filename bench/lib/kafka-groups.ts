import { Kafka, logLevel } from 'kafkajs';
import { benchAdminSasl } from './kafka-auth';
import { sleep } from './sleep';

export interface GroupState {
  groupId: string;
  state: string;
  members: number;
}

/**
 * Waits until every consumer group whose name starts with one of `prefixes` is Stable with at least
 * `minMembers` members (a new instance has joined and the rebalance is over). Returns the last states.
 * Prefixes are a service's shared groups (`<tag>.<service>.`); per-instance groups such as the calendar
 * follower's are named `<tag>.instance.<service>.…` (`instanceGroupPrefix`) and so never match.
 */
export async function waitForGroupMembers(
  brokers: string[],
  prefixes: string[],
  minMembers: number,
  timeoutMs: number,
): Promise<{ ok: boolean; groups: GroupState[] }> {
  const admin = new Kafka({
    clientId: 'bench-groups',
    brokers,
    sasl: benchAdminSasl(),
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  let groups: GroupState[] = [];
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const ids = (await admin.listGroups()).groups
        .map((g) => g.groupId)
        .filter((g) => prefixes.some((p) => g.startsWith(p)));
      if (ids.length > 0) {
        const described = await admin.describeGroups(ids);
        groups = described.groups.map((g) => ({ groupId: g.groupId, state: g.state, members: g.members.length }));
        if (groups.every((g) => g.state === 'Stable' && g.members >= minMembers)) return { ok: true, groups };
      }
      await sleep(1000);
    }
    return { ok: false, groups };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
