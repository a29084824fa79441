import { Body, Controller, Header, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@legal/auth';
import { normalizeChinesePhone } from '@legal/domain';
import { RateLimit } from '@legal/rate-limit';
import type { Request } from 'express';
import { TokenRequestDto } from './dto/token-request.dto';
import { TokenResponseDto } from './dto/token-response.dto';
import { TokenRevokeDto } from './dto/token-revoke.dto';
import { ClientCredentials, TokenService } from './token.service';

/** The account a token request is about (user name, phone or client id), for the per-account limit. */
function tokenAccount(req: Request): string | undefined {
  const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
  const text = (v: unknown): string | undefined =>
    typeof v === 'string' && v.trim() !== '' ? v.trim().toLowerCase() : undefined;
  const phone = text(body.phone);
  return text(body.username) ?? (phone ? (normalizeChinesePhone(phone) ?? phone) : undefined) ?? text(body.client_id);
}

function basicCredentials(authorization: string | undefined): ClientCredentials | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization?.trim() ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  try {
    return {
      clientId: decodeURIComponent(decoded.slice(0, colon)),
      secret: decodeURIComponent(decoded.slice(colon + 1)),
    };
  } catch {
    return undefined;
  }
}

@ApiTags('sign-in')
@Controller('token')
export class TokenController {
  constructor(private readonly tokens: TokenService) {}

  @Post()
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Header('Pragma', 'no-cache')
  @RateLimit(
    { keyPrefix: 'token-ip', points: 60, durationSeconds: 60, by: 'ip' },
    { keyPrefix: 'token-account', points: 20, durationSeconds: 300, by: 'ip+account', account: tokenAccount },
  )
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({
    summary: 'OAuth 2.0 token endpoint',
    description:
      'grant_type password (staff: username, password), urn:legal:grant-type:otp or otp (citizens: phone, code from POST /auth/otp), ' +
      'client_credentials (partners: HTTP Basic or client_id + client_secret), refresh_token (single use; reuse revokes the session). ' +
      'Errors are problem+json with the OAuth `error` member: 400 invalid-grant / otp-invalid / otp-expired / refresh-token-reused, ' +
      '401 invalid-client, 423 account-locked, 429 rate-limited.',
  })
  @ApiOkResponse({ type: TokenResponseDto })
  async token(
    @Body() request: TokenRequestDto,
    @Headers('authorization') authorization?: string,
  ): Promise<TokenResponseDto> {
    return this.tokens.exchange(request, basicCredentials(authorization));
  }

  @Post('revoke')
  @Public()
  @HttpCode(200)
  @RateLimit({ keyPrefix: 'token-revoke-ip', points: 60, durationSeconds: 60, by: 'ip' })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({ summary: 'Revoke a refresh token and its whole session (RFC 7009; always 200)' })
  @ApiOkResponse({ description: 'Revoked (or unknown)' })
  async revoke(@Body() request: TokenRevokeDto): Promise<void> {
    await this.tokens.revoke(request.token);
  }
}
