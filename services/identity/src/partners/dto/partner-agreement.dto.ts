import { ApiProperty } from '@nestjs/swagger';
import { ALL_TOPIC_NAMES } from '@legal/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsString, Length, Matches, ValidateNested } from 'class-validator';

export class AgreementTopicDto {
  @ApiProperty({
    description: 'Kafka topic (see the AsyncAPI document)',
    example: 'legal.workorder.changed',
    enum: ALL_TOPIC_NAMES,
  })
  @IsIn(ALL_TOPIC_NAMES)
  topic!: string;

  @ApiProperty({
    description: 'Event data fields the partner may receive (dot paths); everything else is removed',
    example: ['workOrderId', 'caseCode', 'status'],
  })
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @Matches(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/, {
    each: true,
    message: 'each field must be a dot path like applicant.region',
  })
  fields!: string[];
}

export class PartnerAgreementDto {
  @ApiProperty({
    description: 'Purpose and legal basis of the data sharing',
    example: '通知辩护: court notifies legal aid of defendants needing a lawyer',
  })
  @IsString()
  @Length(1, 500)
  purpose!: string;

  @ApiProperty({ description: 'Topics and fields the partner may receive', type: [AgreementTopicDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AgreementTopicDto)
  topics!: AgreementTopicDto[];
}
