import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ConflictError, NotFoundError } from '@legal/http';
import { randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { invalidClient } from '../oauth/oauth-errors';
import { PasswordHasher } from '../credentials/password-hasher';
import { PartnerClientCreateDto } from './dto/partner-client-create.dto';
import { PartnerClientResponseDto } from './dto/partner-client-response.dto';
import { PartnerClient } from './entities/partner-client.entity';

export function toPartnerClientResponse(client: PartnerClient): PartnerClientResponseDto {
  return {
    clientId: client.clientId,
    name: client.name,
    organisationId: client.organisationId,
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
  ) {}

  /** Registers a client with a generated secret (or a given one: the development seed). */
  async create(dto: PartnerClientCreateDto, secret = `cs_${randomBytes(32).toString('base64url')}`): Promise<{ client: PartnerClient; secret: string }> {
    const inserted = await this.clients
      .createQueryBuilder()
      .insert()
      .values({
        clientId: dto.clientId,
        secretHash: await this.hasher.hash(secret),
        name: dto.name,
        organisationId: dto.organisationId ?? null,
        agreement: { purpose: dto.agreement.purpose, topics: dto.agreement.topics.map((t) => ({ topic: t.topic, fields: [...t.fields] })) },
        disabled: false,
        lastTokenAt: null,
      })
      .orIgnore()
      .returning('*')
      .execute();
    if (inserted.raw.length === 0) throw new ConflictError('client-id-taken', `The client id ${dto.clientId} is already registered`);
    this.logger.log({ clientId: dto.clientId }, 'partner client registered');
    return { client: await this.clients.findOneByOrFail({ clientId: dto.clientId }), secret };
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
