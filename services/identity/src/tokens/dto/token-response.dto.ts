import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** RFC 6749 §5.1 successful token response. */
export class TokenResponseDto {
  @ApiProperty({ description: 'ES256 JWT access token for every service', example: 'eyJhbGciOiJFUzI1NiIs...' })
  access_token!: string;

  @ApiProperty({ description: 'Token type', example: 'Bearer' })
  token_type!: 'Bearer';

  @ApiProperty({ description: 'Seconds until the access token expires', example: 600 })
  expires_in!: number;

  @ApiPropertyOptional({
    description: 'Opaque refresh token (staff and citizens); single use, each use returns a new one',
    example: 'rt_Zx8...',
  })
  refresh_token?: string;
}
