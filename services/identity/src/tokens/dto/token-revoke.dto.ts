import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

/** RFC 7009 revocation request. */
export class TokenRevokeDto {
  @ApiProperty({ description: 'The refresh token to revoke (its whole session ends)', example: 'rt_Zx8...' })
  @IsString()
  @MaxLength(200)
  token!: string;

  @ApiPropertyOptional({
    description: 'Only refresh tokens can be revoked; access tokens expire by themselves',
    example: 'refresh_token',
    enum: ['refresh_token'],
  })
  @IsOptional()
  @IsIn(['refresh_token'])
  token_type_hint?: string;
}
