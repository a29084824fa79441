import { HttpStatus, Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  IntakeRegistered,
  IntakeRejected,
  IntakeSubmitted,
  PartnerTransferUpdate,
  partnerFeedTopic,
  WorkOrderChanged,
  WorkOrderTransferredTo12345,
} from '@legal/contracts';
import type { CALLBACK_WITHHELD_REASONS, CloudEvent, EventData, ServiceType } from '@legal/contracts';
import { maskPhone } from '@legal/domain';
import { DomainError, NotFoundError } from '@legal/http';
import { MessageConsumers, Outbox } from '@legal/messaging';
import { citizenStatusText } from '@legal/platform-kit';
import { maskName, TransitSealer } from '@legal/privacy';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { PartnerBrokerAccess } from '../partner-feed/partner-broker-access';
import { inPartnerScope } from '../partner-feed/partner-feed.projection';
import { PartnerClient } from '../partners/entities/partner-client.entity';
import type { PartnerTransferCreateDto } from './dto/partner-transfer-create.dto';
import type { PartnerTransferResponseDto } from './dto/partner-transfer-response.dto';
import { PartnerTransfer } from './entities/partner-transfer.entity';
import { PendingTransferStatus } from './entities/pending-transfer-status.entity';
import type { TransferStage } from './entities/partner-transfer.entity';

/** Consumer group: `[<prefix>.]identity.partner-transfers`. */
export const PARTNER_TRANSFERS_GROUP = 'partner-transfers';
/** The transit-directory name of a partner client's own sealing key: its broker principal. */
export function partnerSealingRecipient(clientId: string): string {
  return `partner-${clientId}`;
}
/** The intake platform of a matter transferred from 12345. */
export const TRANSFER_PLATFORM = '12345';

const CONSENT_REQUIRED =
  'A matter is transferred only with the caller’s consent (consent.given true, obtainedAt, method)';

/** A transfer event refused before anything is recorded (not a 12345 client): dead-lettered with the reason. */
export class TransferRefusedError extends Error {
  constructor(reason: string) {
    super(`12345 transfer request refused: ${reason}`);
    this.name = 'TransferRefusedError';
  }
}

function consentGiven(dto: PartnerTransferCreateDto): boolean {
  return dto.consent?.given === true;
}

type Update = Omit<EventData<typeof PartnerTransferUpdate>, 'transferId' | 'reference' | 'direction' | 'occurredAt'>;

export function toTransferResponse(t: PartnerTransfer): PartnerTransferResponseDto {
  return {
    transferId: t.id,
    reference: t.reference,
    direction: t.direction,
    stage: t.stage,
    ...(t.caseCode ? { caseCode: t.caseCode } : {}),
    ...(t.lastStatus ? { status: t.lastStatus } : {}),
    createdAt: t.createdAt.toISOString(),
  };
}

/** sha256 of what identifies the transferred request (reference, matter, consent), canonical key order. */
export function transferRequestHash(dto: PartnerTransferCreateDto): string {
  const canonical = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, canonical(v)]),
        )
      : value;
  return createHash('sha256')
    .update(JSON.stringify(canonical({ reference: dto.reference, matter: dto.matter, consent: dto.consent })))
    .digest('hex');
}

/**
 * 12345 ⇄ 12348 transfers (与"12345"政务服务热线归并整合，建立完善转接机制). The 12345 partner client transfers
 * a matter with the caller's consent: in one transaction it is recorded (unique on the partner's
 * reference), becomes an intake with platform `12345` for work-order, and a `received` item goes on that
 * partner's feed; the request is answered 202 at once. What work-order makes of it (registered with a
 * case code, linked to an open work order, rejected) and then every status of its work order follow on
 * the same feed, each told once.
 */
@Injectable()
export class PartnerTransferService implements OnModuleInit {
  private readonly logger = new Logger(PartnerTransferService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly consumers: MessageConsumers,
    private readonly access: PartnerBrokerAccess,
    @Optional() private readonly sealer?: TransitSealer,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      group: PARTNER_TRANSFERS_GROUP,
      events: [IntakeRegistered, IntakeRejected, WorkOrderChanged, WorkOrderTransferredTo12345],
      handle: (event, manager) => this.follow(event, manager),
    });
  }

  async transferIn(
    clientId: string,
    dto: PartnerTransferCreateDto,
  ): Promise<{ transfer: PartnerTransfer; created: boolean }> {
    await this.transferringClient(this.dataSource.manager, clientId);
    if (!consentGiven(dto)) {
      throw new DomainError('consent-required', CONSENT_REQUIRED, HttpStatus.UNPROCESSABLE_ENTITY, [
        { field: 'consent.given', messages: ['the caller’s consent is required'], codes: ['consentRequired'] },
      ]);
    }
    await this.access.ensureFeedTopic(clientId);
    return this.dataSource.transaction((manager) => this.record(manager, clientId, dto));
  }

  /**
   * The same transfer produced as an event (legal.partner.transfer-request.v1) by `clientId` — the client of the
   * verified token it carried, never a field of the record. Same checks, same idempotency and the same `record`
   * as the REST route, in the consumer's transaction; what REST answers 422 or 409 goes on the client's feed as
   * a `refused` item with the reason (there is no HTTP answer). Not a 12345 client: TransferRefusedError (DLQ).
   */
  async transferInByEvent(
    manager: EntityManager,
    eventId: string,
    clientId: string,
    dto: PartnerTransferCreateDto,
  ): Promise<void> {
    try {
      await this.transferringClient(manager, clientId);
    } catch (error) {
      if (error instanceof DomainError) throw new TransferRefusedError(error.message);
      throw error;
    }
    await this.access.ensureFeedTopic(clientId);
    if (!consentGiven(dto)) {
      await this.refuse(manager, eventId, clientId, dto.reference, ['consent-required: ' + CONSENT_REQUIRED]);
      return;
    }
    try {
      await this.record(manager, clientId, dto);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'transfer-reference-reused') throw error;
      await this.refuse(manager, eventId, clientId, dto.reference, [`transfer-reference-reused: ${error.message}`]);
    }
  }

  /** The active 12345 client `clientId`, or the DomainError the REST route answers. */
  private async transferringClient(manager: EntityManager, clientId: string): Promise<PartnerClient> {
    const client = await manager.getRepository(PartnerClient).findOneBy({ clientId });
    if (!client || client.disabled) throw new NotFoundError('Partner client', clientId);
    if (client.channel !== TRANSFER_PLATFORM) {
      throw new DomainError(
        'not-a-12345-client',
        'Only the 12345 hotline’s partner client may transfer matters',
        HttpStatus.FORBIDDEN,
      );
    }
    return client;
  }

  /** A transfer request refused without an HTTP answer: one `refused` item on the client's feed (id from the event). */
  private async refuse(
    manager: EntityManager,
    eventId: string,
    clientId: string,
    reference: string,
    reasons: string[],
  ): Promise<void> {
    const hex = createHash('sha256').update(`transfer-refused\0${eventId}`).digest('hex');
    const transferId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    await this.outbox.publish(
      manager,
      PartnerTransferUpdate,
      { transferId, reference, direction: 'in', stage: 'refused', reasons, occurredAt: new Date().toISOString() },
      { subject: transferId, topic: partnerFeedTopic(clientId) },
    );
    this.logger.warn({ clientId, reference, reasons }, '12345 transfer request refused');
  }

  /** Records a consented transfer once per (client, reference), submits its intake and tells `received`. */
  private async record(
    manager: EntityManager,
    clientId: string,
    dto: PartnerTransferCreateDto,
  ): Promise<{ transfer: PartnerTransfer; created: boolean }> {
    const consent = { obtainedAt: dto.consent?.obtainedAt, method: dto.consent?.method };
    const requestHash = transferRequestHash(dto);
    const id = randomUUID();
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(PartnerTransfer)
      .values({
        id,
        clientId,
        reference: dto.reference,
        direction: 'in',
        requestHash,
        consent,
        stage: 'received',
        caseCode: null,
        workOrderId: null,
        lastStatus: null,
      })
      .orIgnore()
      .returning('id')
      .execute();
    if (inserted.raw.length === 0) {
      const existing = await manager
        .getRepository(PartnerTransfer)
        .findOneByOrFail({ clientId, direction: 'in', reference: dto.reference });
      if (existing.requestHash !== requestHash) {
        throw new DomainError(
          'transfer-reference-reused',
          `Reference ${dto.reference} was already transferred with another matter`,
          HttpStatus.CONFLICT,
        );
      }
      return { transfer: existing, created: false };
    }
    const now = new Date();
    const m = dto.matter;
    await this.outbox.publish(
      manager,
      IntakeSubmitted,
      {
        intakeId: id,
        platform: TRANSFER_PLATFORM,
        platformRecordId: dto.reference,
        submittedAt: now.toISOString(),
        ...(m.serviceType ? { serviceType: m.serviceType as ServiceType } : {}),
        description: m.description,
        regionCode: m.regionCode,
        language: m.language ?? 'zh',
        urgency: m.urgency ?? 'normal',
        ...(m.vulnerableGroup !== undefined ? { vulnerableGroup: m.vulnerableGroup } : {}),
        applicant: {
          ...(m.callerName ? { name: m.callerName } : {}),
          ...(m.callerPhone ? { phone: m.callerPhone } : {}),
        },
        submittedBy: { userId: clientId, role: 'partner' },
      },
      { subject: id },
    );
    const transfer = await manager.getRepository(PartnerTransfer).findOneByOrFail({ id });
    await this.tell(manager, transfer, { stage: 'received' }, now.toISOString());
    this.logger.log({ transferId: id, clientId, reference: dto.reference }, '12345 transfer received');
    return { transfer, created: true };
  }

  async get(clientId: string, reference: string): Promise<PartnerTransfer> {
    const transfer = await this.dataSource
      .getRepository(PartnerTransfer)
      .findOneBy({ clientId, direction: 'in', reference });
    if (!transfer) throw new NotFoundError('Transfer', reference);
    return transfer;
  }

  /** Intake outcomes of platform 12345 and the lifecycle of the work orders they created, onto the 12345 feed. */
  async follow(event: CloudEvent, manager: EntityManager): Promise<void> {
    const repository = manager.getRepository(PartnerTransfer);
    if (event.type === IntakeRegistered.type || event.type === IntakeRejected.type) {
      const data = event.data as EventData<typeof IntakeRegistered> | EventData<typeof IntakeRejected>;
      if (data.platform !== TRANSFER_PLATFORM) return;
      const transfer = await repository.findOne({
        where: { id: data.intakeId, direction: 'in' },
        lock: { mode: 'pessimistic_write' },
      });
      if (!transfer) return;
      if ('reasons' in data) {
        await repository.update({ id: transfer.id }, { stage: 'rejected', updatedAt: new Date() });
        await this.tell(manager, transfer, { stage: 'rejected', reasons: data.reasons }, event.time);
        return;
      }
      const stage: TransferStage = data.outcome === 'created' ? 'registered' : 'linked';
      await repository.update(
        { id: transfer.id },
        { stage, caseCode: data.caseCode, workOrderId: data.workOrderId, updatedAt: new Date() },
      );
      await this.tell(manager, transfer, { stage, caseCode: data.caseCode }, event.time);
      await this.tellQueued(manager, data.workOrderId);
      return;
    }
    if (event.type === WorkOrderTransferredTo12345.type) {
      await this.transferOut(manager, event.id, event.data as EventData<typeof WorkOrderTransferredTo12345>);
      return;
    }
    const data = event.data as EventData<typeof WorkOrderChanged>;
    const transfers = await repository.find({
      where: { workOrderId: data.workOrderId, direction: 'in' },
      lock: { mode: 'pessimistic_write' },
    });
    if (transfers.length === 0 && (data.platforms as string[]).includes(TRANSFER_PLATFORM)) {
      // Its case code is not registered here yet: keep the status and tell it once it is (in seq order).
      await manager
        .createQueryBuilder()
        .insert()
        .into(PendingTransferStatus)
        .values({
          workOrderId: data.workOrderId,
          seq: data.entry.seq,
          status: data.status,
          change: { ...data },
          occurredAt: new Date(event.time),
        })
        .orIgnore()
        .execute();
      return;
    }
    await this.tellStatus(manager, transfers, data, event.time);
  }

  /** The statuses queued for a work order before its case code was known, told in timeline order, then dropped. */
  private async tellQueued(manager: EntityManager, workOrderId: string): Promise<void> {
    const queue = manager.getRepository(PendingTransferStatus);
    const queued = await queue.find({
      where: { workOrderId },
      order: { seq: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    if (queued.length === 0) return;
    const repository = manager.getRepository(PartnerTransfer);
    for (const item of queued) {
      const transfers = await repository.find({
        where: { workOrderId, direction: 'in' },
        lock: { mode: 'pessimistic_write' },
      });
      await this.tellStatus(
        manager,
        transfers,
        item.change as EventData<typeof WorkOrderChanged>,
        item.occurredAt.toISOString(),
      );
    }
    await queue.delete({ workOrderId });
    this.logger.log(
      { workOrderId, statuses: queued.length },
      'queued 12345 transfer statuses told once the case code is known',
    );
  }

  /** One work-order status onto the feed of each transfer of that work order, told once per status. */
  private async tellStatus(
    manager: EntityManager,
    transfers: PartnerTransfer[],
    data: EventData<typeof WorkOrderChanged>,
    time: string,
  ): Promise<void> {
    const repository = manager.getRepository(PartnerTransfer);
    for (const transfer of transfers) {
      if (transfer.lastStatus === data.status) continue;
      await repository.update({ id: transfer.id }, { lastStatus: data.status, updatedAt: new Date() });
      const text = citizenStatusText({ ...data, updatedAt: time }, new Date(), 'zh');
      await this.tell(
        manager,
        transfer,
        {
          stage: 'status',
          caseCode: data.caseCode,
          status: data.status,
          statusText: text.headline.slice(0, 500),
          ...(data.organisationName ? { organisationName: data.organisationName } : {}),
        },
        time,
      );
    }
  }

  /**
   * 12348 → 12345: a matter handed over to 12345 (work-order's legal.workorder.transferred-out.v1, its work order
   * closed as transferred) goes to the feed of every active 12345 client whose region covers it, once (its reference
   * is the case code), with the summary the agent wrote for 12345 and, when the caller consented, their contact for
   * the callback: opened here (sealed for identity) and sealed again for that one client's own key, never in clear.
   */
  private async transferOut(
    manager: EntityManager,
    eventId: string,
    data: EventData<typeof WorkOrderTransferredTo12345>,
  ): Promise<void> {
    const active = await manager
      .getRepository(PartnerClient)
      .find({ where: { channel: TRANSFER_PLATFORM, disabled: false }, order: { clientId: 'ASC' } });
    // Only the 12345 client(s) whose region covers the matter hear of it (a client without a region covers all).
    const clients = active.filter((client) => inPartnerScope(client.regionCode, data));
    if (clients.length === 0) {
      this.logger.warn(
        { caseCode: data.caseCode, regionCode: data.regionCode },
        'no 12345 client covers a matter transferred out',
      );
    }
    for (const client of clients) {
      const id = randomUUID();
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(PartnerTransfer)
        .values({
          id,
          clientId: client.clientId,
          reference: data.caseCode,
          direction: 'out',
          requestHash: createHash('sha256').update(`transfer-out\0${eventId}`).digest('hex'),
          consent: {
            obtainedAt: data.consent?.obtainedAt ?? data.transferredAt,
            method: data.consent?.method ?? 'handover-between-hotlines',
            callback: data.consent?.given === true,
          },
          stage: 'transferred-out',
          caseCode: data.caseCode,
          workOrderId: data.workOrderId,
          lastStatus: data.status,
        })
        .orIgnore()
        .returning('id')
        .execute();
      if (inserted.raw.length === 0) continue;
      const transfer = await manager.getRepository(PartnerTransfer).findOneByOrFail({ id });
      const callback = await this.callbackFor(client.clientId, data);
      const update: Update = {
        stage: 'transferred-out',
        caseCode: data.caseCode,
        status: data.status,
        serviceType: data.serviceType,
        regionCode: data.regionCode,
        summary: data.summary.slice(0, 2000),
        ...callback,
      };
      await this.tell(manager, transfer, update, data.transferredAt);
      this.logger.log(
        {
          transferId: id,
          clientId: client.clientId,
          caseCode: data.caseCode,
          callback:
            'callback' in callback
              ? {
                  name: maskName(data.caller?.name ?? ''),
                  phone: data.caller?.phone ? maskPhone(data.caller.phone) : '',
                }
              : callback.callbackWithheld,
        },
        '12348 matter transferred out to 12345',
      );
    }
  }

  /**
   * The caller's contact for one 12345 client: sealed for that client's own key (`partner-<clientId>` in
   * PII_TRANSIT_DIRECTORY) when the caller consented and a contact is on record; otherwise why it is withheld.
   */
  private async callbackFor(
    clientId: string,
    data: EventData<typeof WorkOrderTransferredTo12345>,
  ): Promise<Pick<Update, 'callback' | 'callbackWithheld'>> {
    const withheld = (reason: (typeof CALLBACK_WITHHELD_REASONS)[number]) => ({ callbackWithheld: reason });
    if (data.consent?.given !== true) return withheld('caller-did-not-consent');
    if (!data.caller || (!data.caller.name && !data.caller.phone)) return withheld('no-contact-on-record');
    const recipient = partnerSealingRecipient(clientId);
    if (!this.sealer?.directory.find(recipient)) {
      this.logger.warn(
        { clientId, recipient },
        'callback contact withheld: PII_TRANSIT_DIRECTORY has no sealing key for this 12345 client',
      );
      return withheld('no-partner-key');
    }
    const sealed = await this.sealer.seal({ ...data.caller }, [recipient]);
    return { callback: sealed as NonNullable<Update['callback']> };
  }

  /** One item on the transfer's partner feed (skipped while the client is disabled: its feed is closed). */
  private async tell(
    manager: EntityManager,
    transfer: PartnerTransfer,
    update: Update,
    occurredAt: string,
  ): Promise<void> {
    const client = await manager
      .getRepository(PartnerClient)
      .findOne({ where: { clientId: transfer.clientId }, lock: { mode: 'pessimistic_read' } });
    if (!client || client.disabled) return;
    await this.access.ensureFeedTopic(transfer.clientId);
    await this.outbox.publish(
      manager,
      PartnerTransferUpdate,
      { transferId: transfer.id, reference: transfer.reference, direction: transfer.direction, ...update, occurredAt },
      { subject: transfer.id, topic: partnerFeedTopic(transfer.clientId) },
    );
  }
}
