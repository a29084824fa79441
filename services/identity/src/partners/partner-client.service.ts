import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { ConflictError, DomainError, InvalidInputError, NotFoundError } from '@legal/http';
import { describeError } from '@legal/observability';
import { randomBytes } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import { invalidClient } from '../oauth/oauth-errors';
import { PasswordHasher } from '../credentials/password-hasher';
import { PartnerBrokerAccess } from '../partner-feed/partner-broker-access';
import { PartnerCoveragePublisher } from '../partner-feed/partner-coverage.publisher';
import { PartnerFeedGateway } from '../partner-feed/partner-feed.gateway';
import { agreementProblems } from '../partner-feed/partner-feed.projection';
import { PartnerClientCreateDto } from './dto/partner-client-create.dto';
import { PartnerClientResponseDto } from './dto/partner-client-response.dto';
import { PartnerClientUpdateDto } from './dto/partner-client-update.dto';
import { PartnerClient } from './entities/partner-client.entity';

export function toPartnerClientResponse(client: PartnerClient): PartnerClientResponseDto {
  return {
    clientId: client.clientId,
    name: client.name,
    organisationId: client.organisationId,
    regionCode: client.regionCode,
    channel: client.channel ?? null,
    agreement: client.agreement,
    disabled: client.disabled,
    createdAt: client.createdAt.toISOString(),
  };
}

/** Partner agency clients: registration with their data-sharing agreement, client-credentials sign-in. */
@Injectable()
export class PartnerClientService {
  private readonly logger = new Logger(PartnerClientService.name);

  constructor(
    @InjectRepository(PartnerClient) private readonly clients: Repository<PartnerClient>,
    private readonly hasher: PasswordHasher,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly brokerAccess: PartnerBrokerAccess,
    private readonly feed: PartnerFeedGateway,
    private readonly coverage: PartnerCoveragePublisher,
  ) {}

  /** An agreement may name only topics shared with partners and, of each, only its partner fields (400, each bad one named). */
  private checkAgreement(agreement: PartnerClientCreateDto['agreement']): void {
    const problems = agreementProblems(agreement);
    if (problems.length > 0)
      throw new InvalidInputError(
        problems,
        'The agreement names topics or fields the contracts do not share with partners',
      );
  }

  /** Registers a client with a generated secret (or a given one: the development seed). */
  async create(
    dto: PartnerClientCreateDto,
    secret = `cs_${randomBytes(32).toString('base64url')}`,
  ): Promise<{ client: PartnerClient; secret: string }> {
    this.checkAgreement(dto.agreement);
    const inserted = await this.clients
      .createQueryBuilder()
      .insert()
      .values({
        clientId: dto.clientId,
        secretHash: await this.hasher.hash(secret),
        name: dto.name,
        organisationId: dto.organisationId ?? null,
        regionCode: dto.regionCode ?? null,
        channel: dto.channel ?? null,
        agreement: {
          purpose: dto.agreement.purpose,
          topics: dto.agreement.topics.map((t) => ({ topic: t.topic, fields: [...t.fields] })),
        },
        disabled: false,
        lastTokenAt: null,
      })
      .orIgnore()
      .returning('*')
      .execute();
    if (inserted.raw.length === 0)
      throw new ConflictError('client-id-taken', `The client id ${dto.clientId} is already registered`);
    this.logger.log({ clientId: dto.clientId }, 'partner client registered');
    const client = await this.clients.findOneByOrFail({ clientId: dto.clientId });
    await this.dataSource.transaction((manager) => this.coverage.publish(manager, client)); // 12345 clients only
    // Its feed topic and broker ACLs. Not fatal here (the secret must reach the administrator): the
    // start-up reconciliation or the next PATCH of the client applies them again.
    await this.brokerAccess.apply(client).catch((e) =>
      this.logger.error({
        msg: 'cannot set up the broker side of a new partner client',
        clientId: client.clientId,
        error: describeError(e),
      }),
    );
    return { client, secret };
  }

  /**
   * Changes a client. A new agreement applies from the next event on (the gateway reads it in each
   * event's transaction). Disabling stops the feed at once: the row is locked against the gateway, unsent
   * feed items are dropped in the same transaction, and then the broker ACLs are removed. Enabling grants
   * them again. The broker step runs every time (idempotent), so repeating a PATCH repairs a failed one.
   */
  async update(clientId: string, dto: PartnerClientUpdateDto): Promise<PartnerClient> {
    if (dto.agreement) this.checkAgreement(dto.agreement);
    const client = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(PartnerClient);
      const current = await repository.findOne({ where: { clientId }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new NotFoundError('Partner client', clientId);
      const changes: Partial<PartnerClient> = {};
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.agreement)
        changes.agreement = {
          purpose: dto.agreement.purpose,
          topics: dto.agreement.topics.map((t) => ({ topic: t.topic, fields: [...t.fields] })),
        };
      if (dto.disabled !== undefined) changes.disabled = dto.disabled;
      if (Object.keys(changes).length > 0) await repository.update({ clientId }, changes);
      if (dto.disabled === true) await this.feed.discardUnsent(manager, clientId);
      const changed = await repository.findOneByOrFail({ clientId });
      await this.coverage.publish(manager, changed); // 12345 clients only
      return changed;
    });
    this.logger.log(
      { clientId, agreementChanged: !!dto.agreement, disabled: client.disabled },
      'partner client updated',
    );
    try {
      await this.brokerAccess.apply(client);
    } catch (e) {
      this.logger.error({ msg: 'cannot apply partner broker access', clientId, error: describeError(e) });
      throw new DomainError(
        'broker-access-failed',
        `The client was saved, but its broker access could not be ${client.disabled ? 'removed' : 'granted'}; repeat the request`,
        HttpStatus.SERVICE_UNAVAILABLE,
      );
    }
    return client;
  }

  async list(): Promise<PartnerClient[]> {
    return this.clients.find({ order: { clientId: 'ASC' } });
  }

  async get(clientId: string): Promise<PartnerClient> {
    const client = await this.clients.findOneBy({ clientId });
    if (!client) throw new NotFoundError('Partner client', clientId);
    return client;
  }

  async authenticate(clientId: string, secret: string): Promise<PartnerClient> {
    const client = await this.clients.findOneBy({ clientId });
    const valid = await this.hasher.verify(client?.secretHash, secret);
    if (!client || !valid || client.disabled) {
      this.logger.warn({ clientId }, 'partner client authentication failed');
      throw invalidClient();
    }
    await this.clients.update({ clientId }, { lastTokenAt: new Date() });
    return client;
  }
}
