import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@legal/auth';
import { publishDirectIntake } from '@legal/handler-kit';
import { NotFoundError } from '@legal/http';
import { Outbox } from '@legal/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Entrustment } from '../entrustments/entities/entrustment.entity';
import { PartnerEntrustmentCreateDto, PartnerEntrustmentResponseDto } from './dto/partner-entrustment.dto';
import { PartnerEntrustment } from './entities/partner-entrustment.entity';

/** The court's identity, from its partner access token. */
function courtOf(user: AuthUser): { clientId: string; name: string } {
  const clientId = user.clientId ?? user.subject;
  return { clientId, name: user.organisationId ?? clientId };
}

/**
 * Entrustments partner courts send over their authenticated API: recorded here, then published as an intake
 * for work-order through the handler kit (intake id = this record's id), so the offer routed back to an
 * institution registers the entrustment under this id (AppraisalOffers.open).
 */
@Injectable()
export class PartnerEntrustmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async submit(user: AuthUser, dto: PartnerEntrustmentCreateDto): Promise<PartnerEntrustmentResponseDto> {
    const court = courtOf(user);
    return this.dataSource.transaction(async (manager) => {
      const id = randomUUID();
      const submittedAt = new Date();
      const description = `司法鉴定委托：${court.name} 案号 ${dto.courtCaseNumber}（${dto.category}）— ${dto.matter}`;
      const { workOrderId } = await publishDirectIntake(this.outbox, manager, {
        recordId: id,
        partnerClientId: court.clientId,
        platformRecordId: `appraisal-entrustment-${id}`,
        submittedAt: submittedAt.toISOString(),
        serviceType: 'judicial-appraisal',
        description: description.slice(0, 5000),
        regionCode: dto.regionCode,
        urgency: 'normal',
        applicant: { name: court.name.slice(0, 100) },
      });
      const record = manager.create(PartnerEntrustment, {
        id,
        clientId: court.clientId.slice(0, 100),
        courtName: court.name.slice(0, 200),
        courtCaseNumber: dto.courtCaseNumber,
        category: dto.category,
        matter: dto.matter,
        regionCode: dto.regionCode,
        workOrderId,
        submittedAt,
      });
      await manager.insert(PartnerEntrustment, record);
      return viewOf(record, null);
    });
  }

  /** Only the partner client that sent it reads it; any other gets 404 (it does not learn it exists). */
  async get(user: AuthUser, id: string): Promise<PartnerEntrustmentResponseDto> {
    const record = await this.dataSource.manager.findOne(PartnerEntrustment, { where: { id } });
    if (!record || record.clientId !== courtOf(user).clientId) {
      throw new NotFoundError('Entrustment', id);
    }
    const e = await this.dataSource.manager.findOne(Entrustment, { where: { id } });
    return viewOf(record, e);
  }

  /** The court's pending entrustment the offer's work order was created for, if any. */
  static async forOffer(manager: EntityManager, workOrderId: string): Promise<PartnerEntrustment | null> {
    return manager.findOne(PartnerEntrustment, { where: { workOrderId } });
  }
}

function viewOf(r: PartnerEntrustment, e: Entrustment | null): PartnerEntrustmentResponseDto {
  return {
    id: r.id,
    courtName: r.courtName,
    courtCaseNumber: r.courtCaseNumber,
    category: r.category,
    matter: r.matter,
    regionCode: r.regionCode,
    workOrderId: r.workOrderId,
    submittedAt: r.submittedAt.toISOString(),
    status: e ? e.status : 'submitted',
    caseCode: e?.caseCode ?? null,
    institutionName: e?.institutionName ?? null,
  };
}
