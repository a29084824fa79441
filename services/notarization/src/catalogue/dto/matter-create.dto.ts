import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export class MaterialItemDto {
  @ApiProperty({ description: 'Stable code of the required material', example: 'kinship-proof' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: 'code must be 2-64 lower-case letters, digits or dashes' })
  code!: string;

  @ApiProperty({ description: 'What the applicant must bring', example: '亲属关系证明（派出所或村/居委会出具）' })
  @IsString()
  @Length(1, 200)
  label!: string;

  @ApiProperty({ description: 'Whether a signed commitment (告知承诺制) may replace this proof', example: true })
  @IsBoolean()
  commitmentAllowed!: boolean;
}

export class MatterUpdateDto {
  @ApiProperty({ description: 'Chinese name', example: '亲属关系公证' })
  @IsString()
  @Length(1, 100)
  nameZh!: string;

  @ApiProperty({ description: 'English name', example: 'Kinship' })
  @IsString()
  @Length(1, 100)
  nameEn!: string;

  @ApiProperty({ description: 'Fee in fen (分); the minimum where it depends on the value', example: 8000 })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  feeFen!: number;

  @ApiPropertyOptional({
    description: 'How the fee is computed when it is not fixed',
    example: '按合同标的额比例收取，最低300元',
  })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  feeNote?: string;

  @ApiProperty({
    description: 'The checklist of required materials (证明材料清单), in the order shown to applicants',
    type: [MaterialItemDto],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MaterialItemDto)
  materials!: MaterialItemDto[];

  @ApiPropertyOptional({ description: 'Whether applications for the matter are taken (default true)', example: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class MatterCreateDto extends MatterUpdateDto {
  @ApiProperty({ description: 'Stable code of the matter', example: 'household-registration' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,39}$/, { message: 'code must be 2-40 lower-case letters, digits or dashes' })
  code!: string;
}
