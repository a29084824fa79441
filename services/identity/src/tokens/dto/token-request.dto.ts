import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsChinesePhone } from '@legal/domain';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { ACCEPTED_GRANT_TYPES, OTP_GRANT_TYPE } from '../../oauth/grant-types';
import type { AcceptedGrantType } from '../../oauth/grant-types';

const isOtp = (o: TokenRequestDto): boolean => o.grant_type === OTP_GRANT_TYPE || o.grant_type === 'otp';

/**
 * The OAuth 2.0 token request (RFC 6749 §4.3, §4.4, §6 and the OTP extension grant), as
 * application/x-www-form-urlencoded or JSON. Fields other than the grant's own are refused.
 */
export class TokenRequestDto {
  @ApiProperty({ description: 'Grant type', enum: ACCEPTED_GRANT_TYPES, example: 'password' })
  @IsIn(ACCEPTED_GRANT_TYPES)
  grant_type!: AcceptedGrantType;

  @ApiPropertyOptional({ description: 'password grant: staff user name', example: 'dev-admin' })
  @ValidateIf((o: TokenRequestDto) => o.grant_type === 'password')
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username?: string;

  @ApiPropertyOptional({ description: 'password grant: password', example: 'Dev-Only-Password-2025' })
  @ValidateIf((o: TokenRequestDto) => o.grant_type === 'password')
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  password?: string;

  @ApiPropertyOptional({ description: 'refresh_token grant: the refresh token', example: 'rt_Zx8...' })
  @ValidateIf((o: TokenRequestDto) => o.grant_type === 'refresh_token')
  @IsString()
  @Matches(/^rt_[A-Za-z0-9_-]{20,100}$/, { message: 'refresh_token is not a refresh token of this issuer' })
  refresh_token?: string;

  @ApiPropertyOptional({
    description: 'client_credentials grant: client id (or HTTP Basic authentication)',
    example: 'dev-partner-court',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  client_id?: string;

  @ApiPropertyOptional({
    description: 'client_credentials grant: client secret (or HTTP Basic authentication)',
    example: 'dev-partner-secret-change-me',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  client_secret?: string;

  @ApiPropertyOptional({ description: 'OTP grant: the mobile number the code was sent to', example: '13800138000' })
  @ValidateIf(isOtp)
  @IsChinesePhone({ kinds: ['mobile'] })
  phone?: string;

  @ApiPropertyOptional({ description: 'OTP grant: the 6-digit code', example: '123456' })
  @ValidateIf(isOtp)
  @Matches(/^\d{6}$/, { message: 'code must be 6 digits' })
  code?: string;

  @ApiPropertyOptional({
    description: 'Ignored (roles come from the account); accepted for OAuth client libraries',
    example: 'openid',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  scope?: string;
}
