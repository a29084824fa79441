import { ApiProperty } from '@nestjs/swagger';

/** The subset of OpenID Connect Discovery 1.0 metadata this issuer supports. */
export class DiscoveryResponseDto {
  @ApiProperty({ description: 'Issuer identifier (the `iss` of every token)', example: 'http://127.0.0.1:3007' })
  issuer!: string;

  @ApiProperty({
    description: 'JWKS with the verification keys',
    example: 'http://127.0.0.1:3007/.well-known/jwks.json',
  })
  jwks_uri!: string;

  @ApiProperty({ description: 'Token endpoint', example: 'http://127.0.0.1:3007/token' })
  token_endpoint!: string;

  @ApiProperty({
    description: 'Refresh-token revocation endpoint (RFC 7009)',
    example: 'http://127.0.0.1:3007/token/revoke',
  })
  revocation_endpoint!: string;

  @ApiProperty({ description: 'Claims of the current access token', example: 'http://127.0.0.1:3007/userinfo' })
  userinfo_endpoint!: string;

  @ApiProperty({
    description: 'Grant types of the token endpoint',
    example: ['password', 'refresh_token', 'client_credentials', 'urn:legal:grant-type:otp'],
  })
  grant_types_supported!: string[];

  @ApiProperty({ description: 'No browser redirect flows (no authorization endpoint) yet', example: ['none'] })
  response_types_supported!: string[];

  @ApiProperty({ description: 'Subject identifier types', example: ['public'] })
  subject_types_supported!: string[];

  @ApiProperty({ description: 'Token signature algorithms', example: ['ES256'] })
  id_token_signing_alg_values_supported!: string[];

  @ApiProperty({ description: 'Access-token signature algorithms', example: ['ES256'] })
  token_endpoint_auth_signing_alg_values_supported!: string[];

  @ApiProperty({
    description: 'How clients authenticate at the token endpoint',
    example: ['client_secret_basic', 'client_secret_post'],
  })
  token_endpoint_auth_methods_supported!: string[];

  @ApiProperty({
    description: 'Claims access tokens may carry',
    example: ['sub', 'roles', 'org', 'region', 'phone_number', 'client_id'],
  })
  claims_supported!: string[];

  @ApiProperty({ description: 'Human documentation of the API', example: 'http://127.0.0.1:3007/docs' })
  service_documentation!: string;
}
