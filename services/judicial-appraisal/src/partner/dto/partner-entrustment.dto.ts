import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { APPRAISAL_CATEGORY_CODES } from '../../entrustments/appraisal-categories';

/** What a partner court sends; who it is comes from its access token, never from this body. */
export class PartnerEntrustmentCreateDto {
  @ApiProperty({ description: "The court's case number (案号)", example: '(2026)鲁1324民初456号' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  courtCaseNumber!: string;

  @ApiProperty({ description: 'Appraisal category', enum: APPRAISAL_CATEGORY_CODES, example: 'forensic-medicine' })
  @IsIn(APPRAISAL_CATEGORY_CODES)
  category!: string;

  @ApiProperty({ description: 'What is to be appraised (鉴定事项)', example: '对原告伤残等级进行鉴定' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  matter!: string;

  @ApiProperty({ description: 'GB/T 2260 code where the matter belongs (routes it)', example: '371324101201' })
  @Matches(/^\d{6}(\d{3}(\d{3})?)?$/)
  regionCode!: string;
}

export class PartnerEntrustmentResponseDto {
  @ApiProperty({ description: 'The entrustment id (also the intake id of its work order)' })
  id!: string;

  @ApiProperty({ example: '兰陵县人民法院' })
  courtName!: string;

  @ApiProperty()
  courtCaseNumber!: string;

  @ApiProperty()
  category!: string;

  @ApiProperty()
  matter!: string;

  @ApiProperty()
  regionCode!: string;

  @ApiProperty({ description: 'The work order this entrustment creates' })
  workOrderId!: string;

  @ApiProperty()
  submittedAt!: string;

  @ApiProperty({
    description: 'submitted (not yet taken by an institution), or the entrustment status once an institution took it',
    example: 'submitted',
  })
  status!: string;

  @ApiPropertyOptional({ description: 'The case code of the work order, once an institution took it', nullable: true })
  caseCode!: string | null;

  @ApiPropertyOptional({ description: 'The institution that took it', nullable: true })
  institutionName!: string | null;
}
