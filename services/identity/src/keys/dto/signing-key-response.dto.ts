import { ApiProperty } from '@nestjs/swagger';

export class SigningKeyResponseDto {
  @ApiProperty({ description: 'Key id', example: 'Yk4lTj7nHh2pLqO9Zcd0xw2vB8sQm1rA5eU3iF6gJkM' })
  kid!: string;

  @ApiProperty({ description: 'next (published, not signing yet), active (signing) or retired', example: 'active' })
  status!: string;

  @ApiProperty({ description: 'Created', example: '2025-11-28T08:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({
    description: 'Became the signing key',
    example: '2025-11-28T08:00:00.000Z',
    nullable: true,
    type: String,
  })
  activatedAt!: string | null;

  @ApiProperty({ description: 'Stopped signing', example: null, nullable: true, type: String })
  retiredAt!: string | null;

  @ApiProperty({ description: 'Leaves the JWKS at', example: null, nullable: true, type: String })
  publishUntil!: string | null;
}

export class KeyRotationResponseDto {
  @ApiProperty({ description: 'Key that signs from now on', example: 'Yk4lTj7nHh2pLqO9Zcd0xw2vB8sQm1rA5eU3iF6gJkM' })
  activeKid!: string;

  @ApiProperty({
    description: 'Key published for the next rotation',
    example: 'mQ0c7H9sVb2XkP4rTn8yLw1eA6dZj3uF5gIo0RqSxCw',
  })
  nextKid!: string;

  @ApiProperty({
    description: 'Key that stopped signing (still published until its tokens expire)',
    example: 'b3HkqY1v2pX0sT9wLr8nM6cZ4dQ7eA5fJ1gU0iO2kRs',
    nullable: true,
    type: String,
  })
  retiredKid!: string | null;
}
