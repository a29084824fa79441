import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsRegionCode } from '@legal/domain';

export class OfficeUpsertDto {
  @ApiProperty({ description: 'Name of the notary office', example: '山东省兰陵县公证处' })
  @IsString()
  @Length(2, 200)
  name!: string;

  @ApiProperty({ description: 'Division of the office (6-digit county or city code)', example: '371324' })
  @IsRegionCode()
  regionCode!: string;

  @ApiProperty({
    description: 'Certificate-number prefix before 证字, e.g. 鲁临沂 in (2026)鲁临沂证字第000123号',
    example: '鲁临沂兰陵',
  })
  @Matches(/^[\u4e00-\u9fff]{1,20}$/u, { message: 'certificatePrefix must be 1-20 Chinese characters' })
  certificatePrefix!: string;

  @ApiProperty({ description: 'Open applications above which offers are not accepted automatically', example: 200 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  maxOpenApplications!: number;
}
