import { ApiProperty } from '@nestjs/swagger';
import type { ExemptCategory } from '../entities/exempt-category.entity';

export class ExemptCategoryResponseDto {
  @ApiProperty({ description: 'Category code', example: 'migrant-worker-wages' })
  code!: string;

  @ApiProperty({ description: 'Chinese label', example: '申请支付劳动报酬的进城务工人员' })
  labelZh!: string;

  @ApiProperty({ description: 'English label', example: 'Migrant workers claiming unpaid wages' })
  labelEn!: string;

  @ApiProperty({ description: 'Legal basis', example: '法律援助法 第42条第(三)项' })
  legalBasis!: string;

  @ApiProperty({ description: 'Expertise these matters usually need', example: ['labour'], type: [String] })
  expertiseTags!: string[];

  @ApiProperty({ description: 'Selectable', example: true })
  active!: boolean;

  static of(c: ExemptCategory): ExemptCategoryResponseDto {
    return {
      code: c.code,
      labelZh: c.labelZh,
      labelEn: c.labelEn,
      legalBasis: c.legalBasis,
      expertiseTags: c.expertiseTags,
      active: c.active,
    };
  }
}
