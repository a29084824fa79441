import { ApiPropertyOptional } from '@nestjs/swagger';

/** The applicant's contact data as the caller's role may see it. */
export class ApplicantResponseDto {
  @ApiPropertyOptional({ description: 'Name (masked unless the caller works the case)', example: '张三' })
  name?: string;

  @ApiPropertyOptional({ description: 'Phone (masked unless the caller works the case)', example: '13812345678' })
  phone?: string;

  @ApiPropertyOptional({ description: 'Citizen ID number, always masked', example: '371***********123X' })
  idCardNumber?: string;

  @ApiPropertyOptional({
    description: 'Address (hidden unless the caller works the case)',
    example: '兰陵县大仲村镇大仲村',
  })
  address?: string;
}
