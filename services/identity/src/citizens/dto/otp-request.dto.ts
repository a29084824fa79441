import { ApiProperty } from '@nestjs/swagger';
import { IsChinesePhone } from '@legal/domain';

export class OtpRequestDto {
  @ApiProperty({
    description: 'Mainland mobile number to send the one-time code to (+86, spaces and dashes allowed)',
    example: '138 0013 8000',
  })
  @IsChinesePhone({ kinds: ['mobile'] })
  phone!: string;
}
