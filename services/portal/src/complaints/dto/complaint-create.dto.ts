import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCaseCode, IsRegionCode } from '@legal/domain';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { ContactDto } from '../../submissions/dto/contact.dto';

export class ComplaintCreateDto {
  @ApiProperty({ description: 'Case code of the service complained about', example: '371324-20261128-000001-7' })
  @IsCaseCode()
  relatedCaseCode!: string;

  @ApiPropertyOptional({
    description:
      'Access code (查询码) of that case, given once at its submission (not needed when signed in as its citizen)',
    example: 'K7QM4-X2PRT',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  accessCode?: string;

  @ApiProperty({
    description: 'What went wrong',
    example: '承办律师一个多月没有联系我，电话也不接',
    minLength: 1,
    maxLength: 5000,
  })
  @IsString()
  @Length(1, 5000)
  description!: string;

  @ApiProperty({
    description:
      'How the independent unit can reach the complainant (never shown to the complained-about organisation)',
    type: ContactDto,
  })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ContactDto)
  contact!: ContactDto;

  @ApiPropertyOptional({
    description: 'Region of the complaint; defaults to the region of the case complained about',
    example: '371324',
  })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;
}
