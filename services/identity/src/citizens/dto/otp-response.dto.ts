import { ApiProperty } from '@nestjs/swagger';

/** The code itself is never part of a response; it travels by SMS only. */
export class OtpResponseDto {
  @ApiProperty({ description: 'Masked number the code was sent to', example: '138****8000' })
  sentTo!: string;

  @ApiProperty({ description: 'Seconds the code stays valid', example: 300 })
  expiresInSeconds!: number;

  @ApiProperty({ description: 'Seconds before another code may be requested for this number', example: 60 })
  resendAfterSeconds!: number;
}
