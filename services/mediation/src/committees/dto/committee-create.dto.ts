import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import { IsRegionCode } from '@legal/domain';

export class CommitteeCreateDto {
  @ApiProperty({
    description: 'Division the committee serves: 12-digit village, 9-digit township or 6-digit county code',
    example: '371324101204',
  })
  @IsRegionCode({ levels: ['village', 'township', 'county'] })
  regionCode!: string;

  @ApiProperty({ description: 'Name of the committee', example: '兰陵县大仲村镇大吴宅村人民调解委员会' })
  @IsString()
  @Length(2, 200)
  name!: string;

  @ApiPropertyOptional({ description: 'Whether the committee takes new cases (default true)', example: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class CommitteeUpdateDto {
  @ApiPropertyOptional({ description: 'New name of the committee', example: '兰陵县大仲村镇大吴宅村人民调解委员会' })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  name?: string;

  @ApiPropertyOptional({ description: 'Whether the committee takes new cases', example: false })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
