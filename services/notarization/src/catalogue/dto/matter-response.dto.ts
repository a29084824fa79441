import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class MaterialItemResponseDto {
  @ApiProperty({ description: 'Code of the material', example: 'kinship-proof' })
  code!: string;

  @ApiProperty({ description: 'What to bring', example: '亲属关系证明（派出所或村/居委会出具）' })
  label!: string;

  @ApiProperty({ description: 'Whether a signed commitment may replace it', example: true })
  commitmentAllowed!: boolean;
}

export class MatterResponseDto {
  @ApiProperty({ description: 'Matter code', example: 'kinship' })
  code!: string;

  @ApiProperty({ description: 'Chinese name', example: '亲属关系公证' })
  nameZh!: string;

  @ApiProperty({ description: 'English name', example: 'Kinship' })
  nameEn!: string;

  @ApiProperty({ description: 'Fee in fen', example: 8000 })
  feeFen!: number;

  @ApiProperty({ description: 'Fee in yuan, for display', example: '80.00' })
  feeYuan!: string;

  @ApiPropertyOptional({
    description: 'How the fee is computed when it is not fixed',
    example: '按遗产价值分段累进收取，最低200元',
  })
  feeNote?: string;

  @ApiProperty({ description: 'Whether applications are taken', example: true })
  active!: boolean;

  @ApiProperty({ description: 'Checklist of required materials', type: [MaterialItemResponseDto] })
  materials!: MaterialItemResponseDto[];
}

export class MatterListResponseDto {
  @ApiProperty({ description: 'The catalogue', type: [MatterResponseDto] })
  items!: MatterResponseDto[];

  @ApiProperty({ description: 'Number of matters', example: 8 })
  total!: number;
}
