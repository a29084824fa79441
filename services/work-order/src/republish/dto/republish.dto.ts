import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** POST /admin/work-orders/republish: one page of work orders, in id order. */
export class RepublishDto {
  @ApiProperty({
    description: "Continue after this work order id (the previous answer's nextAfterId)",
    required: false,
    example: '0b7e6c1e-0000-4000-8000-000000000000',
  })
  @IsOptional()
  @IsUUID()
  afterId?: string;

  @ApiProperty({
    description: 'Only work orders changed at or after this time',
    required: false,
    example: '2026-11-27T00:00:00.000Z',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  updatedSince?: string;

  @ApiProperty({ description: 'Work orders in this page', required: false, default: 2000, minimum: 1, maximum: 20000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20000)
  limit?: number;
}

export class RepublishResultDto {
  @ApiProperty({ description: 'WorkOrderChanged events written to the outbox (the relay sends them)', example: 2000 })
  republished!: number;

  @ApiProperty({
    type: String,
    description: 'Pass as afterId for the next page; null when this was the last',
    example: '0b7e6c1e-0000-4000-8000-000000000000',
    nullable: true,
  })
  nextAfterId!: string | null;
}
