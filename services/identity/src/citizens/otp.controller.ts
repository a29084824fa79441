import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@legal/auth';
import { maskPhone, normalizeChinesePhone } from '@legal/domain';
import { bodyField, RateLimit } from '@legal/rate-limit';
import { OtpRequestDto } from './dto/otp-request.dto';
import { OtpResponseDto } from './dto/otp-response.dto';
import { OtpService } from './otp.service';

export const OTP_RESEND_SECONDS = 60;
const phoneAccount = bodyField('phone', (v) => normalizeChinesePhone(v) ?? v.replace(/\D/g, ''));

@ApiTags('sign-in')
@Controller('auth')
export class OtpController {
  constructor(private readonly otp: OtpService) {}

  @Post('otp')
  @Public()
  @HttpCode(202)
  @RateLimit(
    { keyPrefix: 'otp-ip', points: 20, durationSeconds: 3600, by: 'ip' },
    {
      keyPrefix: 'otp-phone-interval',
      points: 1,
      durationSeconds: OTP_RESEND_SECONDS,
      by: 'account',
      account: phoneAccount,
    },
    { keyPrefix: 'otp-phone-hour', points: 5, durationSeconds: 3600, by: 'account', account: phoneAccount },
  )
  @ApiOperation({
    summary: 'Send a one-time sign-in code by SMS (then POST /token with grant_type urn:legal:grant-type:otp)',
  })
  @ApiAcceptedResponse({ type: OtpResponseDto })
  @ApiResponse({ status: 202, type: OtpResponseDto })
  async send(@Body() dto: OtpRequestDto): Promise<OtpResponseDto> {
    const phone = normalizeChinesePhone(dto.phone) ?? dto.phone;
    const { expiresInSeconds } = await this.otp.send(phone);
    return { sentTo: maskPhone(phone), expiresInSeconds, resendAfterSeconds: OTP_RESEND_SECONDS };
  }
}
