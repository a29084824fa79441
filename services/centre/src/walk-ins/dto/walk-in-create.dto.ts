import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsChineseIdCard, IsChinesePhone, IsRegionCode } from '@legal/domain';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** What the card reader and the clerk enter when a citizen steps up to the counter. */
export class WalkInCreateDto {
  @ApiProperty({
    description: 'Citizen ID number read from the card (GB 11643, check character verified)',
    example: '11010519491231002X',
  })
  @IsChineseIdCard()
  idCardNumber!: string;

  @ApiProperty({ description: 'Name on the card', example: '张三', maxLength: 50 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiProperty({ description: 'Address on the card', example: '山东省临沂市兰陵县卞庄街道幸福路1号', maxLength: 300 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  address!: string;

  @ApiPropertyOptional({ description: 'Contact phone', example: '13812345678' })
  @IsOptional()
  @IsChinesePhone()
  phone?: string;

  @ApiPropertyOptional({
    description: "Region of the matter (GB/T 2260); default the centre's own region",
    example: '371324101',
  })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @ApiPropertyOptional({
    description: 'Queue ticket the citizen was called with',
    example: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  })
  @IsOptional()
  @IsUUID()
  ticketId?: string;
}
