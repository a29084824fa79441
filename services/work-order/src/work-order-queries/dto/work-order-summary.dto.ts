import { ApiProperty } from '@nestjs/swagger';
import { HANDLERS, PLATFORMS, SERVICE_TYPES, WORK_ORDER_STATUSES } from '@legal/contracts';
import type { WorkOrderEntity } from '../../work-orders/entities/work-order.entity';

/** The applicant as staff lists show them: masked. */
export class MaskedApplicantDto {
  @ApiProperty({ type: String, description: 'Masked name', example: '张*', nullable: true })
  displayName!: string | null;

  @ApiProperty({
    type: String,
    description: 'Phone with only the last four digits shown',
    example: '*******5678',
    nullable: true,
  })
  phone!: string | null;

  @ApiProperty({ description: 'Whether an ID-card number was given (it is never shown)', example: true })
  hasIdCard!: boolean;
}

/** One work order in a list. */
export class WorkOrderSummaryDto {
  @ApiProperty({ description: 'Work-order id', example: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f' })
  id!: string;

  @ApiProperty({ description: 'Case code (一案一码)', example: '371324-20251128-000001-7' })
  caseCode!: string;

  @ApiProperty({ description: 'Lifecycle status', enum: WORK_ORDER_STATUSES, example: 'offered' })
  status!: string;

  @ApiProperty({ description: 'Service type', enum: SERVICE_TYPES, example: 'legal-aid' })
  serviceType!: string;

  @ApiProperty({ description: "Requester's division code", example: '371324101' })
  regionCode!: string;

  @ApiProperty({
    type: String,
    description: 'Organisation holding or offered the work order',
    example: 'org-371324-legal-aid',
    nullable: true,
  })
  organisationId!: string | null;

  @ApiProperty({ type: String, description: 'Its name', example: '临沂市兰陵县法律援助中心', nullable: true })
  organisationName!: string | null;

  @ApiProperty({ description: 'Handler service', enum: HANDLERS, example: 'legal-aid', nullable: true })
  handler!: string | null;

  @ApiProperty({
    type: String,
    description: 'Staff member offered or handling it',
    example: 'staff-lanling-li',
    nullable: true,
  })
  staffId!: string | null;

  @ApiProperty({ description: 'Platform of the first intake', enum: PLATFORMS, example: 'hotline' })
  originPlatform!: string;

  @ApiProperty({
    description: 'Every platform an intake came from',
    enum: PLATFORMS,
    isArray: true,
    example: ['hotline', 'portal'],
  })
  platforms!: string[];

  @ApiProperty({ description: 'Routing priority', enum: ['normal', 'high', 'urgent'], example: 'high' })
  priority!: string;

  @ApiProperty({ description: 'Supervision escalations so far', example: 0 })
  escalationLevel!: number;

  @ApiProperty({ description: 'Version (= number of timeline entries)', example: 3 })
  version!: number;

  @ApiProperty({ description: 'When the request was received', example: '2025-11-28T02:15:00.000Z' })
  receivedAt!: string;

  @ApiProperty({ description: 'Last change', example: '2025-11-28T02:20:00.000Z' })
  updatedAt!: string;

  @ApiProperty({ description: 'Applicant, masked', type: MaskedApplicantDto })
  applicant!: MaskedApplicantDto;
}

export function toSummary(wo: WorkOrderEntity): WorkOrderSummaryDto {
  return {
    id: wo.id,
    caseCode: wo.caseCode,
    status: wo.status,
    serviceType: wo.serviceType,
    regionCode: wo.regionCode,
    organisationId: wo.organisationId,
    organisationName: wo.organisationName,
    handler: wo.handler,
    staffId: wo.staffId,
    originPlatform: wo.originPlatform,
    platforms: wo.platforms,
    priority: wo.priority,
    escalationLevel: wo.escalationLevel,
    version: wo.version,
    receivedAt: wo.receivedAt.toISOString(),
    updatedAt: wo.updatedAt.toISOString(),
    applicant: {
      displayName: wo.applicantDisplayName,
      phone: wo.phoneLast4 ? `*******${wo.phoneLast4}` : null,
      hasIdCard: wo.idCardHash !== null,
    },
  };
}

export class WorkOrderPageDto {
  @ApiProperty({ description: 'Work orders of this page', type: WorkOrderSummaryDto, isArray: true })
  items!: WorkOrderSummaryDto[];

  @ApiProperty({ description: 'Matching work orders in all', example: 42 })
  total!: number;

  @ApiProperty({ description: 'Page size', example: 20 })
  limit!: number;

  @ApiProperty({ description: 'Offset of the page', example: 0 })
  offset!: number;
}
