import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsChineseIdCard, IsChinesePhone } from '@legal/domain';
import { IsOptional, IsString, Length } from 'class-validator';

/** How to reach the citizen; stored hashed and encrypted, shown masked. */
export class ContactDto {
  @ApiPropertyOptional({ description: 'Name', example: '张三', maxLength: 50 })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  name?: string;

  @ApiProperty({ description: 'Mainland mobile or landline number', example: '13812345678' })
  @IsChinesePhone()
  phone!: string;

  @ApiPropertyOptional({
    description: 'Citizen ID number (GB 11643, check digit verified)',
    example: '11010519491231002X',
  })
  @IsOptional()
  @IsChineseIdCard()
  idCardNumber?: string;

  @ApiPropertyOptional({ description: 'Postal address', example: '山东省临沂市兰陵县卞庄街道', maxLength: 300 })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  address?: string;
}
