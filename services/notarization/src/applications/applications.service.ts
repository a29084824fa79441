import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, hasRole } from '@legal/auth';
import { ConflictError, NotFoundError } from '@legal/http';
import { PiiProtector } from '@legal/privacy';
import { DataSource, EntityManager } from 'typeorm';
import { jurisdictionPrefix, likePrefix } from '@legal/handler-kit';
import { ApplicationHistoryResponseDto } from '../history/dto/application-history-response.dto';
import { HistoryService } from '../history/history.service';
import { ApplicationMaterial } from '../materials/entities/application-material.entity';
import { MaterialNotice } from '../materials/entities/material-notice.entity';
import { assertMayAct, citizenPhoneHash, isStaff } from './application-access';
import { toApplicationResponse, toApplicationSummary } from './application-view';
import { ApplicationQueryDto } from './dto/application-query.dto';
import { ApplicationPageResponseDto, ApplicationResponseDto } from './dto/application-response.dto';
import { Application, ApplicationStatus } from './entities/application.entity';

/** Reading applications, and the guard of every workflow step: lock, access, expected state. */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pii: PiiProtector,
    private readonly steps: HistoryService,
  ) {}

  /** Staff: applications in their jurisdiction. Citizens: their own (matched by the phone they signed in with). */
  async list(user: AuthUser, query: ApplicationQueryDto): Promise<ApplicationPageResponseDto> {
    const empty = { items: [], total: 0, limit: query.limit, offset: query.offset };
    const qb = this.dataSource
      .getRepository(Application)
      .createQueryBuilder('a')
      .orderBy('a.createdAt', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .take(query.limit)
      .skip(query.offset);
    if (isStaff(user)) {
      const prefix = jurisdictionPrefix(user);
      if (prefix === undefined) return empty;
      qb.where('a.regionCode LIKE :prefix', { prefix: likePrefix(prefix) });
    } else {
      const hash = citizenPhoneHash(this.pii, user);
      if (!hash) return empty;
      qb.where('a.applicantPhoneHash = :hash', { hash });
    }
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.workOrderId) qb.andWhere('a.workOrderId = :workOrderId', { workOrderId: query.workOrderId });
    const [rows, total] = await qb.getManyAndCount();
    return { items: rows.map(toApplicationSummary), total, limit: query.limit, offset: query.offset };
  }

  async get(id: string, user: AuthUser): Promise<ApplicationResponseDto> {
    const application = await this.dataSource.getRepository(Application).findOneBy({ id });
    if (!application) throw new NotFoundError('Application', id);
    assertMayAct(user, application, this.pii);
    return this.view(this.dataSource.manager, application, user);
  }

  async history(id: string, user: AuthUser): Promise<ApplicationHistoryResponseDto> {
    const application = await this.dataSource.getRepository(Application).findOneBy({ id });
    if (!application) throw new NotFoundError('Application', id);
    assertMayAct(user, application, this.pii);
    const rows = await this.steps.list(this.dataSource.manager, id);
    return {
      items: rows.map((h) => ({ step: h.step, actorId: h.actorId, detail: h.detail, at: h.at.toISOString() })),
      total: rows.length,
    };
  }

  /** Notaries and the applicant see contact data; supervisors and admins a masked copy. */
  async view(manager: EntityManager, application: Application, user: AuthUser): Promise<ApplicationResponseDto> {
    const materials = await manager.find(ApplicationMaterial, {
      where: { applicationId: application.id },
      order: { sortOrder: 'ASC' },
    });
    const notice = await manager.findOneBy(MaterialNotice, { applicationId: application.id });
    const reveal = hasRole(user, 'notary') || !isStaff(user);
    return toApplicationResponse(application, { materials, notice, pii: this.pii, reveal });
  }

  /** Locks the application (FOR UPDATE) for a step the caller may take, in one of the `allowed` states (else 409). */
  async lockForStep(
    manager: EntityManager,
    id: string,
    user: AuthUser,
    step: string,
    allowed: readonly ApplicationStatus[],
  ): Promise<Application> {
    const application = await manager
      .createQueryBuilder(Application, 'a')
      .setLock('pessimistic_write')
      .where('a.id = :id', { id })
      .getOne();
    if (!application) throw new NotFoundError('Application', id);
    assertMayAct(user, application, this.pii);
    if (!allowed.includes(application.status)) {
      throw new ConflictError('illegal-step', `Cannot ${step} while the application is ${application.status}`, {
        applicationStatus: application.status,
        allowedStatuses: allowed,
      });
    }
    return application;
  }
}
