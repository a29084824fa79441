import { Injectable } from '@nestjs/common';
import { inJurisdiction, significantPrefix } from '@legal/auth';
import type { AuthUser } from '@legal/auth';
import { NotFoundError } from '@legal/http';
import { WorkOrderViewService } from '@legal/platform-kit';
import type { WorkOrderView, WorkOrderViewPage } from '@legal/platform-kit';
import { OutsideJurisdictionError } from '../common/clerk-organisation';
import type { WorkOrderSearchQueryDto } from './dto/work-order-search-query.dto';

/**
 * What a centre sees of the work-order read model: the work orders of its own area and of every
 * area below it (a county centre sees its townships and villages), plus those assigned to it.
 */
@Injectable()
export class CentreWorkOrdersService {
  constructor(private readonly views: WorkOrderViewService) {}

  async search(query: WorkOrderSearchQueryDto, clerk: AuthUser): Promise<WorkOrderViewPage> {
    const area = query.regionCode ?? clerk.regionCode;
    const admin = clerk.roles.includes('admin');
    if (!admin && (!area || !inJurisdiction(clerk, area)))
      throw new OutsideJurisdictionError(`Region ${area ?? '(none)'}`);
    const prefix = area ? significantPrefix(area) : undefined;
    const ownOrganisation = query.regionCode ? undefined : clerk.organisationId;
    const filter = {
      ...(query.status ? { status: query.status } : {}),
      ...(query.serviceType ? { serviceType: query.serviceType } : {}),
      ...(query.overdue !== undefined ? { overdue: query.overdue } : {}),
      ...(query.from ? { from: new Date(query.from) } : {}),
      ...(query.to ? { to: new Date(query.to) } : {}),
      limit: query.limit,
      offset: query.offset,
      viewer: clerk,
    };
    if (admin && !query.regionCode) return this.views.search(filter);
    if (!ownOrganisation) return this.views.search({ ...filter, regionPrefix: prefix });
    // The whole area, plus whatever was assigned to the clerk's own organisation from elsewhere.
    return this.views.search(filter, (qb) =>
      qb.andWhere('(v.region_code LIKE :areaPrefix OR v.organisation_id = :ownOrganisation)', {
        areaPrefix: `${prefix ?? ''}%`,
        ownOrganisation,
      }),
    );
  }

  async byCaseCode(caseCode: string, clerk: AuthUser): Promise<WorkOrderView> {
    // A complaint about the clerk's organisation does not exist for the clerk (issue 13 finding 7).
    const view = await this.views.findByCodeForStaff(caseCode, clerk);
    if (!view) throw new NotFoundError('Work order', caseCode);
    const assignedHere = clerk.organisationId !== undefined && view.organisationId === clerk.organisationId;
    if (!assignedHere && !inJurisdiction(clerk, view.regionCode))
      throw new OutsideJurisdictionError(`Case ${caseCode}`);
    return view;
  }
}
