import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCaseCode, IsRegionCode } from '@legal/domain';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { ContactDto } from '../../submissions/dto/contact.dto';

export class ComplaintCreateDto {
  @ApiProperty({ description: 'Case code of the service complained about', example: '371324-20261128-000001-7' })
  @IsCaseCode()
  relatedCaseCode!: string;

  @ApiPropertyOptional({ description: 'Last four digits of the phone given with that case (not needed when signed in as its citizen)', example: '5678' })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: 'phoneLast4 must be exactly four digits' })
  phoneLast4?: string;

  @ApiProperty({ description: 'What went wrong', example: '承办律师一个多月没有联系我，电话也不接', minLength: 1, maxLength: 5000 })
  @IsString()
  @Length(1, 5000)
  description!: string;

  @ApiProperty({ description: 'How the independent unit can reach the complainant (never shown to the complained-about organisation)', type: ContactDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ContactDto)
  contact!: ContactDto;

  @ApiPropertyOptional({ description: 'Region of the complaint; defaults to the region of the case complained about', example: '371324' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;
}
