import { Inject, Injectable, Logger } from '@nestjs/common';
import { partnerFeedTopic, prefixedTopic } from '@legal/contracts';
import {
  createKafka,
  DEFAULT_TOPIC_RETENTION,
  KAFKA,
  KAFKA_SETTINGS,
  kafkaAdminCredentialsFromEnv,
  partnerAcls,
  partnerPrincipalName,
  reconcileAcls,
  userPrincipal,
} from '@legal/messaging';
import type { KafkaSettings } from '@legal/messaging';
import { describeError } from '@legal/observability';
import type { Kafka } from 'kafkajs';
import { IdentityEnv } from '../config/identity.env';

/** What happened to a partner's broker ACLs. */
export type AclOutcome = 'granted' | 'revoked' | 'not-managed' | 'no-authorizer';

/** kafkajs protocol error of a broker without an authorizer (no ACLs to manage, e.g. a plaintext development broker). */
function securityDisabled(e: unknown): boolean {
  const type = (e as { type?: string } | null)?.type;
  return type === 'SECURITY_DISABLED' || /security features are disabled|no authorizer/i.test(describeError(e));
}

/**
 * The broker side of a partner client: its feed topic (created with the service's own principal, which may
 * create `legal.partner.feed.*` topics) and its principal's ACLs (`partner-<clientId>` may read its own feed
 * only). ACLs are changed with the Kafka admin principal (KAFKA_ADMIN_USERNAME/PASSWORD) when
 * IDENTITY_MANAGE_PARTNER_ACLS is on; otherwise operators apply them with the provisioning command.
 * The ACL derivation itself is the messaging library's (`partnerAcls`), shared with that command.
 */
@Injectable()
export class PartnerBrokerAccess {
  private readonly logger = new Logger(PartnerBrokerAccess.name);
  /** Feed topics known to exist (physical names): the gateway asks the broker once per topic and process. */
  private readonly knownTopics = new Set<string>();
  private aclKafka: Kafka | undefined;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(KAFKA_SETTINGS) private readonly settings: KafkaSettings,
    private readonly env: IdentityEnv,
  ) {}

  /** The physical feed topic of a client (with the deployment's topic prefix). */
  physicalFeedTopic(clientId: string): string {
    return prefixedTopic(this.settings.topicPrefix, partnerFeedTopic(clientId));
  }

  /** Creates the client's feed topic unless it exists (idempotent; cached once seen). */
  async ensureFeedTopic(clientId: string): Promise<void> {
    const topic = this.physicalFeedTopic(clientId);
    if (this.knownTopics.has(topic)) return;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      // Resolves false without throwing when the topic exists already (or another instance just created it).
      const created = await admin.createTopics({
        waitForLeaders: true,
        timeout: 15000,
        topics: [
          {
            topic,
            numPartitions: this.settings.partitions,
            configEntries: [
              { name: 'retention.ms', value: String((this.settings.retention ?? DEFAULT_TOPIC_RETENTION).topicMs) },
            ],
          },
        ],
      });
      if (created) this.logger.log({ msg: 'created partner feed topic', clientId, topic });
      this.knownTopics.add(topic);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  /**
   * Makes the broker match the client's state: an active client has its feed topic and exactly its ACLs,
   * a disabled one has none (its feed topic stays, unreadable, for the record). Idempotent.
   */
  async apply(client: { clientId: string; disabled: boolean }): Promise<AclOutcome> {
    if (!client.disabled) await this.ensureFeedTopic(client.clientId);
    if (!this.env.IDENTITY_MANAGE_PARTNER_ACLS) return 'not-managed';
    const principal = userPrincipal(partnerPrincipalName(client.clientId));
    const desired = client.disabled ? [] : partnerAcls(client.clientId, this.settings.topicPrefix);
    const admin = this.adminKafka().admin();
    await admin.connect();
    try {
      const report = await reconcileAcls(admin, desired, (p) => p === principal);
      this.logger.log({
        msg: client.disabled ? 'partner broker ACLs removed' : 'partner broker ACLs granted',
        clientId: client.clientId,
        created: report.created.length,
        deleted: report.deleted.length,
      });
      return client.disabled ? 'revoked' : 'granted';
    } catch (e) {
      if (securityDisabled(e)) {
        this.logger.warn({ msg: 'the broker has no authorizer: partner ACLs not applied', clientId: client.clientId });
        return 'no-authorizer';
      }
      throw e;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  /** A client with the admin principal, only for ACL changes (the service's own principal may not change ACLs). */
  private adminKafka(): Kafka {
    this.aclKafka ??= createKafka({
      ...this.settings,
      clientId: `${this.settings.clientId}-partner-acls`,
      sasl: kafkaAdminCredentialsFromEnv(),
    });
    return this.aclKafka;
  }
}
