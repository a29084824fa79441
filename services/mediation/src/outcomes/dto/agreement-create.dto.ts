import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';

export class AgreementTermDto {
  @ApiProperty({ description: 'What a party undertakes', example: '被申请人于2026年12月31日前支付欠款15000元' })
  @IsString()
  @Length(2, 1000)
  description!: string;

  @ApiPropertyOptional({ description: 'By when (YYYY-MM-DD)', example: '2026-12-31' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  dueDate?: string;
}

export class AgreementCreateDto {
  @ApiProperty({
    description: 'Full text of the mediation agreement (调解协议书)',
    example: '经调解，双方自愿达成如下协议：一、……',
  })
  @IsString()
  @Length(10, 20000)
  agreementText!: string;

  @ApiProperty({ description: 'The terms, one per undertaking', type: [AgreementTermDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AgreementTermDto)
  terms!: AgreementTermDto[];
}
