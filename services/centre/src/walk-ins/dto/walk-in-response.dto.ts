import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INTAKE_STATUSES } from '@legal/platform-kit';
import type { IntakeStatusView } from '@legal/platform-kit';
import { VISIT_OUTCOMES } from '../entities/walk-in-visit.entity';
import type { WalkInVisit } from '../entities/walk-in-visit.entity';

/** A counter visit with personal data masked. */
export class WalkInResponseDto {
  @ApiProperty({ description: 'Visit id', example: '8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5f6e' })
  id!: string;

  @ApiProperty({ description: 'Organisation of the counter', example: 'org-371324-centre' })
  organisationId!: string;

  @ApiProperty({ description: 'Clerk who registered the visit', example: 'clerk-3' })
  clerkId!: string;

  @ApiProperty({ description: 'Region of the matter', example: '371324101' })
  regionCode!: string;

  @ApiPropertyOptional({ description: 'Queue ticket', example: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' })
  ticketId?: string;

  @ApiProperty({ description: 'ID number, masked', example: '110105********002X' })
  idCardMasked!: string;

  @ApiProperty({ description: 'Name, masked', example: '张*' })
  nameMasked!: string;

  @ApiPropertyOptional({ description: 'Phone, masked', example: '138****5678' })
  phoneMasked?: string;

  @ApiPropertyOptional({ description: 'Outcome, once recorded', enum: VISIT_OUTCOMES, example: 'work-order' })
  outcome?: string;

  @ApiPropertyOptional({
    description: 'Intake handed to the work-order service',
    example: '0f7c1e0a-3c53-4f7e-9a77-6b1f1a1d2c01',
  })
  intakeId?: string;

  @ApiPropertyOptional({
    description: 'What became of the intake so far',
    enum: INTAKE_STATUSES,
    example: 'registered',
  })
  intakeStatus?: string;

  @ApiPropertyOptional({
    description:
      'Case code, once assigned; for a duplicate linked to an existing work order, that one’s code when it lies within your jurisdiction (otherwise withheld, see note)',
    example: '371324-20261128-000001-7',
  })
  caseCode?: string;

  @ApiPropertyOptional({
    description:
      'Only in the answer that records the outcome: the access code (查询码) to hand to the citizen (printed slip); with the case code it tracks the request on the portal. Shown once, stored nowhere in clear.',
    example: 'K7QM4-X2PRT',
  })
  accessCode?: string;

  @ApiPropertyOptional({
    description: 'Set when the intake was linked to a work order outside your jurisdiction',
    example: 'Linked to an existing work order outside your jurisdiction; its code is withheld.',
  })
  note?: string;

  @ApiPropertyOptional({ description: 'Work order id, once assigned', example: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f' })
  workOrderId?: string;

  @ApiPropertyOptional({ description: 'When the outcome was recorded', example: '2026-11-28T02:30:00.000Z' })
  outcomeAt?: string;

  @ApiProperty({ description: 'When the citizen was registered', example: '2026-11-28T02:15:00.000Z' })
  createdAt!: string;

  static from(visit: WalkInVisit, intake?: IntakeStatusView): WalkInResponseDto {
    // The intake view already applies the viewer's jurisdiction; the visit's copy is only for visits without one.
    const caseCode = intake ? intake.caseCode : visit.caseCode;
    const workOrderId = intake ? intake.workOrderId : visit.workOrderId;
    return {
      id: visit.id,
      organisationId: visit.organisationId,
      clerkId: visit.clerkId,
      regionCode: visit.regionCode,
      ...(visit.ticketId ? { ticketId: visit.ticketId } : {}),
      idCardMasked: visit.idCardMasked,
      nameMasked: visit.nameMasked,
      ...(visit.phoneMasked ? { phoneMasked: visit.phoneMasked } : {}),
      ...(visit.outcome ? { outcome: visit.outcome } : {}),
      ...(visit.intakeId ? { intakeId: visit.intakeId } : {}),
      ...(intake ? { intakeStatus: intake.status } : {}),
      ...(caseCode ? { caseCode } : {}),
      ...(workOrderId ? { workOrderId } : {}),
      ...(intake?.accessCode ? { accessCode: intake.accessCode } : {}),
      ...(intake?.note ? { note: intake.note } : {}),
      ...(visit.outcomeAt ? { outcomeAt: visit.outcomeAt.toISOString() } : {}),
      createdAt: visit.createdAt.toISOString(),
    };
  }
}

export class WalkInPageDto {
  @ApiProperty({ type: [WalkInResponseDto], description: 'Visits of your organisation, newest first' })
  items!: WalkInResponseDto[];

  @ApiProperty({ description: 'Visits matching the filter', example: 12 })
  total!: number;

  @ApiProperty({ description: 'Page size', example: 20 })
  limit!: number;

  @ApiProperty({ description: 'Items skipped', example: 0 })
  offset!: number;
}
