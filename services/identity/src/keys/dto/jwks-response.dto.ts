import { ApiProperty } from '@nestjs/swagger';

export class PublicJwkDto {
  @ApiProperty({ description: 'Key type', example: 'EC' })
  kty!: string;

  @ApiProperty({ description: 'Curve', example: 'P-256' })
  crv!: string;

  @ApiProperty({ description: 'X coordinate (base64url)', example: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU' })
  x!: string;

  @ApiProperty({ description: 'Y coordinate (base64url)', example: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' })
  y!: string;

  @ApiProperty({
    description: 'Key id (RFC 7638 thumbprint), the `kid` of tokens it signed',
    example: 'Yk4lTj7nHh2pLqO9Zcd0xw2vB8sQm1rA5eU3iF6gJkM',
  })
  kid!: string;

  @ApiProperty({ description: 'Algorithm', example: 'ES256' })
  alg!: string;

  @ApiProperty({ description: 'Use', example: 'sig' })
  use!: string;
}

/** RFC 7517 JSON Web Key Set. */
export class JwksResponseDto {
  @ApiProperty({ description: 'Published keys: the next, the active and recently retired keys', type: [PublicJwkDto] })
  keys!: PublicJwkDto[];
}
