import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { significantPrefix } from '@legal/auth';
import type { ServiceType } from '@legal/contracts';
import { InvalidInputError, NotFoundError } from '@legal/http';
import type { IntakeStatusView, StatusLocale } from '@legal/platform-kit';
import {
  citizenStatusText,
  IntakeSubmissionService,
  PlatformIntake,
  toShanghaiTime,
  WorkOrderView,
} from '@legal/platform-kit';
import { Between, DataSource, In } from 'typeorm';
import { PortalSubmission } from '../submissions/entities/portal-submission.entity';
import { SubmissionsService } from '../submissions/submissions.service';
import type {
  Open311CreatedDto,
  Open311RequestDto,
  Open311ServiceDefinitionDto,
  Open311TokenDto,
} from './dto/open311-responses.dto';
import type { Open311RequestCreateDto } from './dto/open311-request-create.dto';
import type { Open311RequestQueryDto } from './dto/open311-request-query.dto';
import { OPEN311_SERVICE_CODES, open311ServiceName } from './open311-catalogue';
import { regionFromAddress } from './open311-region.resolver';

const CLOSED_STATUSES: ReadonlySet<string> = new Set(['resolved', 'closed', 'rejected', 'cancelled', 'merged']);
const DAY_MS = 86_400_000;
/** GeoReport v2: without dates, the list covers the last 90 days (with one, 90 days from or up to it); at most 1000 per answer. */
export const OPEN311_DEFAULT_WINDOW_DAYS = 90;
export const OPEN311_MAX_RESULTS = 1000;

/** What one request is built from: the submission, its intake as a citizen may see it, the work order view. */
interface RequestSources {
  submission: PortalSubmission;
  intake: IntakeStatusView;
  view: WorkOrderView | null;
}

/**
 * Open311 GeoReport v2 on top of portal submissions: a request is an intake; its id (and its token) is
 * the intake id. The public list holds only requests submitted through Open311, with no description,
 * address or contact (personal data), no case code and coordinates rounded to 0.01°; GET
 * requests/{id}.json, whose id only the submitter was given, also shows the description, the case code
 * and the exact coordinates.
 */
@Injectable()
export class Open311Service {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly submissions: SubmissionsService,
  ) {}

  async create(dto: Open311RequestCreateDto): Promise<Open311CreatedDto[]> {
    const regionCode = dto.jurisdiction_id ?? regionFromAddress(dto.address_string);
    if (!regionCode) {
      throw new InvalidInputError([
        {
          field: 'jurisdiction_id',
          messages: [
            'give jurisdiction_id (a GB/T 2260 code in Shandong) or an address_string naming a Shandong county',
          ],
          codes: ['required'],
        },
      ]);
    }
    const name = [dto.last_name, dto.first_name].filter((p): p is string => !!p).join('') || undefined;
    const address =
      [dto.address_string, dto.address_id ? `(${dto.address_id})` : undefined]
        .filter((p): p is string => !!p)
        .join(' ') || undefined;
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

  /** GET services/{code}.json: no service has extra attributes (metadata false), so each definition is empty. */
  definition(code: string): Open311ServiceDefinitionDto {
    if (!(OPEN311_SERVICE_CODES as readonly string[]).includes(code)) throw new NotFoundError('Service', code);
    return { service_code: code, attributes: [] };
  }

  /** GET tokens/{token}.json: the token is the request id, known from the moment POST answers. */
  async token(token: string): Promise<Open311TokenDto[]> {
    const submission = await this.dataSource
      .getRepository(PortalSubmission)
      .findOneBy({ intakeId: token, kind: 'open311' });
    if (!submission) throw new NotFoundError('Token', token);
    return [{ service_request_id: submission.intakeId, token: submission.intakeId }];
  }

  async find(id: string, locale: StatusLocale): Promise<Open311RequestDto[]> {
    const submission = await this.dataSource.getRepository(PortalSubmission).findOneBy({ intakeId: id });
    if (!submission) throw new NotFoundError('Service request', id);
    const [sources] = await this.withStatus([submission]);
    if (!sources) throw new NotFoundError('Service request', id);
    return [toGeoReportRequest(sources, { locale, now: new Date(), public: false })];
  }

  /** GET requests.json with the GeoReport filters, newest first. */
  async list(query: Open311RequestQueryDto, locale: StatusLocale): Promise<Open311RequestDto[]> {
    const repository = this.dataSource.getRepository(PortalSubmission);
    let submissions: PortalSubmission[];
    if (query.service_request_id && query.service_request_id.length > 0) {
      submissions = await repository.find({
        where: { intakeId: In(query.service_request_id), kind: 'open311' },
        order: { createdAt: 'DESC' },
      });
    } else {
      const window = OPEN311_DEFAULT_WINDOW_DAYS * DAY_MS;
      const given = {
        start: query.start_date ? new Date(query.start_date) : undefined,
        end: query.end_date ? new Date(query.end_date) : undefined,
      };
      // Neither: the last 90 days; one of them: 90 days from or up to it.
      const end = given.end ?? (given.start ? new Date(given.start.getTime() + window) : new Date());
      const start = given.start ?? new Date(end.getTime() - window);
      if (start.getTime() > end.getTime()) {
        throw new InvalidInputError([
          { field: 'start_date', messages: ['start_date must not be after end_date'], codes: ['dateOrder'] },
        ]);
      }
      const qb = repository
        .createQueryBuilder('s')
        .where('s.kind = :kind', { kind: 'open311' })
        .andWhere({ createdAt: Between(start, end) })
        .orderBy('s.createdAt', 'DESC')
        .limit(OPEN311_MAX_RESULTS * 2);
      if (query.service_code?.length) qb.andWhere('s.serviceType IN (:...codes)', { codes: query.service_code });
      if (query.jurisdiction_id)
        qb.andWhere('s.regionCode LIKE :prefix', { prefix: `${significantPrefix(query.jurisdiction_id)}%` });
      submissions = await qb.getMany();
    }
    const now = new Date();
    const wanted = query.service_request_id?.length ? undefined : query.status;
    return (await this.withStatus(submissions))
      .map((sources) => toGeoReportRequest(sources, { locale, now, public: true }))
      .filter((request) => !wanted || wanted.length === 0 || wanted.includes(request.status))
      .slice(0, OPEN311_MAX_RESULTS);
  }

  /** Each submission with its intake (as a citizen may see it) and, unless linked to someone else's, its work order view. */
  private async withStatus(submissions: PortalSubmission[]): Promise<RequestSources[]> {
    if (submissions.length === 0) return [];
    const intakes = await this.dataSource
      .getRepository(PlatformIntake)
      .findBy({ intakeId: In(submissions.map((s) => s.intakeId)), platform: 'portal' });
    const byIntake = new Map(
      intakes.map((i) => [i.intakeId, IntakeSubmissionService.toStatusView(i, { kind: 'citizen' })]),
    );
    const workOrderIds = [...new Set([...byIntake.values()].map((i) => i.workOrderId).filter((w): w is string => !!w))];
    const views =
      workOrderIds.length > 0
        ? await this.dataSource.getRepository(WorkOrderView).findBy({ workOrderId: In(workOrderIds) })
        : [];
    const byWorkOrder = new Map(views.map((v) => [v.workOrderId, v]));
    return submissions.flatMap((submission) => {
      const intake = byIntake.get(submission.intakeId);
      if (!intake) return [];
      return [{ submission, intake, view: intake.workOrderId ? (byWorkOrder.get(intake.workOrderId) ?? null) : null }];
    });
  }
}

/** Rounds a coordinate for the public list (0.01° ≈ 1 km): where, roughly, not whose door. */
function roughly(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

/** One GeoReport v2 request with every field of the specification (null when unknown or never published). */
export function toGeoReportRequest(
  sources: RequestSources,
  options: { locale: StatusLocale; now: Date; public: boolean },
): Open311RequestDto {
  const { submission, intake, view } = sources;
  const { locale } = options;
  const text = view ? citizenStatusText(view, options.now, locale) : undefined;
  const rejected = intake.status === 'rejected';
  const closed = rejected || (view ? CLOSED_STATUSES.has(view.status) : false);
  const waiting = locale === 'en' ? 'Received; waiting for a case code.' : '已收到，正在生成案件编码。';
  const caseCode = view?.caseCode ?? intake.caseCode;
  return {
    service_request_id: submission.intakeId,
    status: closed ? 'closed' : 'open',
    status_notes: text?.headline ?? (rejected ? (intake.rejectionReasons ?? []).join('; ') : (intake.note ?? waiting)),
    service_name: open311ServiceName(view?.serviceType ?? submission.serviceType, locale),
    service_code: view?.serviceType ?? submission.serviceType ?? 'legal-consultation',
    description: options.public ? null : submission.description,
    agency_responsible: view?.organisationName ?? null,
    // The case code opens public tracking: only the submitter, who holds the id, is told it.
    service_notice:
      caseCode && !options.public ? (locale === 'en' ? `Case code ${caseCode}` : `案件编码 ${caseCode}`) : null,
    requested_datetime: toShanghaiTime(submission.createdAt),
    updated_datetime: toShanghaiTime(view ? view.updatedAt : (intake.outcomeAt ?? intake.submittedAt)),
    expected_datetime: text?.expectedBy ? toShanghaiTime(text.expectedBy) : null,
    address: null,
    address_id: null,
    zipcode: null,
    lat: options.public ? roughly(submission.latitude) : submission.latitude,
    long: options.public ? roughly(submission.longitude) : submission.longitude,
    media_url: null,
  };
}
