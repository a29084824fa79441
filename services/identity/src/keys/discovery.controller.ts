import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ACCESS_TOKEN_ALG, Public } from '@legal/auth';
import { IdentityEnv } from '../config/identity.env';
import { GRANT_TYPES } from '../oauth/grant-types';
import { DiscoveryResponseDto } from './dto/discovery-response.dto';
import { JwksResponseDto, PublicJwkDto } from './dto/jwks-response.dto';
import { KeyRingService } from './key-ring.service';

/** OIDC discovery and the JWKS: what a resource server (every service, or a partner) needs to trust tokens. */
@ApiTags('discovery')
@Public()
@Controller('.well-known')
export class DiscoveryController {
  constructor(
    private readonly env: IdentityEnv,
    private readonly keys: KeyRingService,
  ) {}

  @Get('openid-configuration')
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({ summary: 'OpenID Connect discovery document' })
  @ApiOkResponse({ type: DiscoveryResponseDto })
  discovery(): DiscoveryResponseDto {
    const base = (this.env.PUBLIC_URL ?? this.env.AUTH_ISSUER).replace(/\/+$/, '');
    return {
      issuer: this.env.AUTH_ISSUER,
      jwks_uri: `${base}/.well-known/jwks.json`,
      token_endpoint: `${base}/token`,
      revocation_endpoint: `${base}/token/revoke`,
      userinfo_endpoint: `${base}/userinfo`,
      grant_types_supported: [...GRANT_TYPES],
      response_types_supported: ['none'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: [ACCESS_TOKEN_ALG],
      token_endpoint_auth_signing_alg_values_supported: [ACCESS_TOKEN_ALG],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      claims_supported: [
        'iss',
        'sub',
        'aud',
        'exp',
        'iat',
        'jti',
        'roles',
        'org',
        'region',
        'phone_number',
        'client_id',
        'token_use',
      ],
      service_documentation: `${base}/docs`,
    };
  }

  @Get('jwks.json')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'Public signing keys (RFC 7517)' })
  @ApiOkResponse({ type: JwksResponseDto })
  async jwks(): Promise<JwksResponseDto> {
    return { keys: (await this.keys.publishedKeys()) as PublicJwkDto[] };
  }
}
