import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ServiceType } from '@legal/contracts';
import { InvalidInputError, NotFoundError } from '@legal/http';
import { citizenStatusText, IntakeSubmissionService, StatusLocale, WorkOrderViewService } from '@legal/platform-kit';
import { DataSource } from 'typeorm';
import { PortalSubmission } from '../submissions/entities/portal-submission.entity';
import { SubmissionsService } from '../submissions/submissions.service';
import type { Open311CreatedDto, Open311RequestDto } from './dto/open311-responses.dto';
import type { Open311RequestCreateDto } from './dto/open311-request-create.dto';
import { open311ServiceName } from './open311-catalogue';
import { regionFromAddress } from './open311-region.resolver';

const CLOSED_STATUSES: ReadonlySet<string> = new Set(['resolved', 'closed', 'rejected', 'cancelled', 'merged']);

/** Open311 GeoReport v2 on top of portal submissions: a request is an intake; its id is the intake id. */
@Injectable()
export class Open311Service {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly submissions: SubmissionsService,
    private readonly intakes: IntakeSubmissionService,
    private readonly views: WorkOrderViewService,
  ) {}

  async create(dto: Open311RequestCreateDto): Promise<Open311CreatedDto[]> {
    const regionCode = dto.jurisdiction_id ?? regionFromAddress(dto.address_string);
    if (!regionCode) {
      throw new InvalidInputError([
        { field: 'jurisdiction_id', messages: ['give jurisdiction_id (a GB/T 2260 code in Shandong) or an address_string naming a Shandong county'], codes: ['required'] },
      ]);
    }
    const name = [dto.last_name, dto.first_name].filter((p): p is string => !!p).join('') || undefined;
    const address = [dto.address_string, dto.address_id ? `(${dto.address_id})` : undefined].filter((p): p is string => !!p).join(' ') || undefined;
    const description = dto.media_url ? `${dto.description}\n${dto.media_url}` : dto.description;
    const accepted = await this.submissions.submit({
      kind: 'open311',
      serviceType: dto.service_code as ServiceType,
      regionCode,
      description: description.slice(0, 5000),
      contact: { name, phone: dto.phone, address, email: dto.email },
      latitude: dto.lat,
      longitude: dto.long,
      language: 'zh',
      urgency: 'normal',
      submittedBy: { role: 'open311-client' },
    });
    return [
      {
        service_request_id: accepted.intakeId,
        token: accepted.intakeId,
        service_notice: `Received. Access code (查询码, shown only now; with the case code it tracks the request at /portal/track): ${accepted.accessCode}. A case code (一案一码) follows in service_notice of GET /open311/v2/requests/${accepted.intakeId}.json.`,
      },
    ];
  }

  async find(id: string, locale: StatusLocale): Promise<Open311RequestDto[]> {
    const submission = await this.dataSource.getRepository(PortalSubmission).findOneBy({ intakeId: id });
    if (!submission) throw new NotFoundError('Service request', id);
    const intake = await this.intakes.status(id, { kind: 'citizen' });
    const view = intake.workOrderId ? await this.views.findById(intake.workOrderId) : null;
    const now = new Date();
    const text = view ? citizenStatusText(view, now, locale) : undefined;
    const rejected = intake.status === 'rejected';
    const closed = rejected || (view ? CLOSED_STATUSES.has(view.status) : false);
    const waiting = locale === 'en' ? 'Received; waiting for a case code.' : '已收到，正在生成案件编码。';
    const caseCode = view?.caseCode ?? intake.caseCode;
    return [
      {
        service_request_id: id,
        status: closed ? 'closed' : 'open',
        status_notes: text?.headline ?? (rejected ? (intake.rejectionReasons ?? []).join('; ') : (intake.note ?? waiting)),
        service_name: open311ServiceName(view?.serviceType ?? submission.serviceType, locale),
        service_code: view?.serviceType ?? submission.serviceType ?? 'legal-consultation',
        description: submission.description,
        ...(view?.organisationName ? { agency_responsible: view.organisationName } : {}),
        ...(caseCode ? { service_notice: locale === 'en' ? `Case code ${caseCode}` : `案件编码 ${caseCode}` } : {}),
        requested_datetime: intake.submittedAt,
        updated_datetime: view ? view.updatedAt.toISOString() : (intake.outcomeAt ?? intake.submittedAt),
        ...(text?.expectedBy ? { expected_datetime: text.expectedBy } : {}),
      },
    ];
  }
}
