import { ALL_TOPIC_NAMES } from '@legal/contracts';
import {
  Acl,
  AclEntry,
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  Admin,
  Kafka,
  ResourcePatternTypes,
} from 'kafkajs';
import { DEFAULT_TOPIC_RETENTION, TopicRetention } from '../kafka.module';
import { ensureCompaction } from '../topics/compacted-topics';
import { TopicProvisioner } from '../topics/topic-provisioner';
import { aclKey, AclBinding, AclOperation, AclPattern, AclResource } from './kafka-acls';

const RESOURCE: Record<AclResource, AclResourceTypes> = {
  topic: AclResourceTypes.TOPIC,
  group: AclResourceTypes.GROUP,
  cluster: AclResourceTypes.CLUSTER,
};
const PATTERN: Record<AclPattern, ResourcePatternTypes> = {
  literal: ResourcePatternTypes.LITERAL,
  prefixed: ResourcePatternTypes.PREFIXED,
};
const OPERATION: Record<AclOperation, AclOperationTypes> = {
  read: AclOperationTypes.READ,
  write: AclOperationTypes.WRITE,
  create: AclOperationTypes.CREATE,
  describe: AclOperationTypes.DESCRIBE,
  alter: AclOperationTypes.ALTER,
};

function invert<K extends string, V extends number>(map: Record<K, V>): Map<V, K> {
  return new Map(Object.entries(map).map(([k, v]) => [v as V, k as K]));
}
const RESOURCE_OF = invert(RESOURCE);
const PATTERN_OF = invert(PATTERN);
const OPERATION_OF = invert(OPERATION);

export function toAclEntry(b: AclBinding): AclEntry {
  return {
    resourceType: RESOURCE[b.resource],
    resourceName: b.name,
    resourcePatternType: PATTERN[b.pattern],
    principal: b.principal,
    host: '*',
    operation: OPERATION[b.operation],
    permissionType: AclPermissionTypes.ALLOW,
  };
}

/** An ACL on the broker as the provisioner sees it: a binding it manages, or `foreign` (DENY, a host, an operation it never grants). */
interface ExistingAcl {
  entry: AclEntry;
  binding?: AclBinding;
}

async function existingAcls(admin: Admin): Promise<ExistingAcl[]> {
  const described = await admin.describeAcls({
    resourceType: AclResourceTypes.ANY,
    resourcePatternType: ResourcePatternTypes.ANY,
    operation: AclOperationTypes.ANY,
    permissionType: AclPermissionTypes.ANY,
  });
  return described.resources.flatMap((r) =>
    r.acls.map((acl: Acl) => {
      const entry: AclEntry = {
        ...acl,
        resourceType: r.resourceType,
        resourceName: r.resourceName,
        resourcePatternType: r.resourcePatternType,
      };
      const resource = RESOURCE_OF.get(r.resourceType);
      const pattern = PATTERN_OF.get(r.resourcePatternType);
      const operation = OPERATION_OF.get(acl.operation);
      const plain =
        acl.host === '*' && acl.permissionType === AclPermissionTypes.ALLOW && resource && pattern && operation;
      return {
        entry,
        binding: plain ? { principal: acl.principal, resource, pattern, name: r.resourceName, operation } : undefined,
      };
    }),
  );
}

export interface AclReconcileReport {
  created: AclBinding[];
  deleted: AclEntry[];
  unchanged: number;
}

/**
 * Makes the broker's ACLs of the managed principals exactly `desired`: creates what is missing and deletes
 * every other ACL of those principals (stale grants of an older contract, a removed rotation twin, DENY
 * entries). ACLs of other principals are left alone. Idempotent: a second run changes nothing.
 */
export async function reconcileAcls(
  admin: Admin,
  desired: readonly AclBinding[],
  isManaged: (principal: string) => boolean,
  options: { dryRun?: boolean } = {},
): Promise<AclReconcileReport> {
  const existing = (await existingAcls(admin)).filter((e) => isManaged(e.entry.principal));
  const have = new Set(existing.flatMap((e) => (e.binding ? [aclKey(e.binding)] : [])));
  const want = new Set(desired.map(aclKey));
  const created = desired.filter((b) => !have.has(aclKey(b)));
  const deleted = existing.filter((e) => !e.binding || !want.has(aclKey(e.binding))).map((e) => e.entry);
  if (!options.dryRun) {
    if (created.length > 0) await admin.createAcls({ acl: created.map(toAclEntry) });
    // One exact filter per stale entry (a filter with ANY would take wanted ACLs with it).
    for (let i = 0; i < deleted.length; i += 100) await admin.deleteAcls({ filters: deleted.slice(i, i + 100) });
  }
  return { created, deleted, unchanged: existing.length - deleted.length };
}

/** Creates every topic of the contracts and its `.dlq` twin (what services expect to find), as the admin. */
export async function provisionContractTopics(
  kafka: Kafka,
  prefix: string,
  partitions: number,
  retention: TopicRetention = DEFAULT_TOPIC_RETENTION,
): Promise<string[]> {
  const plan = { topicPrefix: prefix, partitions, logicalTopics: ALL_TOPIC_NAMES, retention };
  const created = await new TopicProvisioner(kafka, plan).ensureTopics();
  const compacted = await ensureCompaction(kafka, prefix);
  return [...created, ...compacted.filter((t) => !created.includes(t))];
}
