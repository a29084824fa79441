import { ApiPropertyOptional } from '@nestjs/swagger';

/** A person as a response shows them: masked unless the caller's role needs the full value. */
export class PersonViewDto {
  @ApiPropertyOptional({ description: 'Name (masked unless the role needs it)', example: '张*' })
  name?: string;

  @ApiPropertyOptional({ description: 'ID-card number, masked', example: '371***********123X' })
  idCardNumber?: string;

  @ApiPropertyOptional({ description: 'Phone number (masked unless the role needs it)', example: '138****5678' })
  phone?: string;

  @ApiPropertyOptional({ description: 'Address (masked unless the role needs it)', example: '山东省临沂市********' })
  address?: string;
}
