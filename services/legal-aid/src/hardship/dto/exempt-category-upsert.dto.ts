import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsString, Length, Matches } from 'class-validator';

export class ExemptCategoryUpsertDto {
  @ApiProperty({
    description: 'Chinese label',
    example: '申请支付劳动报酬的进城务工人员',
    minLength: 2,
    maxLength: 200,
  })
  @IsString()
  @Length(2, 200)
  labelZh!: string;

  @ApiProperty({
    description: 'English label',
    example: 'Migrant workers claiming unpaid wages',
    minLength: 2,
    maxLength: 200,
  })
  @IsString()
  @Length(2, 200)
  labelEn!: string;

  @ApiProperty({ description: 'Legal basis', example: '法律援助法 第42条第(三)项', minLength: 2, maxLength: 300 })
  @IsString()
  @Length(2, 300)
  legalBasis!: string;

  @ApiProperty({ description: 'Expertise these matters usually need', example: ['labour'], type: [String] })
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(/^[a-z0-9-]{2,48}$/, {
    each: true,
    message: 'each expertise tag is lower-case letters, digits and dashes (2-48)',
  })
  expertiseTags!: string[];

  @ApiProperty({ description: 'Whether officers can select it', example: true })
  @IsBoolean()
  active!: boolean;
}
