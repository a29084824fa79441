import { ApiProperty } from '@nestjs/swagger';
import { STAFF_ROLES } from '@legal/auth';
import type { Role } from '@legal/auth';
import { IsRegionCode } from '@legal/domain';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsString,
  Length,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

export class StaffCreateDto {
  @ApiProperty({
    description: 'Sign-in name: letters, digits, dot, dash, underscore (case-insensitive)',
    example: 'zhang.wei',
  })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/, {
    message: 'username must be 3-64 letters, digits, dots, dashes or underscores',
  })
  username!: string;

  @ApiProperty({ description: 'Initial password, 12-128 characters', example: 'correct-horse-battery-staple' })
  @IsString()
  @MinLength(12)
  @MaxLength(128)
  password!: string;

  @ApiProperty({ description: 'Name shown to colleagues', example: '张伟' })
  @IsString()
  @Length(1, 100)
  displayName!: string;

  @ApiProperty({ description: 'Staff roles', example: ['centre-clerk'], enum: STAFF_ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(STAFF_ROLES.length)
  @ArrayUnique()
  @IsIn(STAFF_ROLES, { each: true })
  roles!: Role[];

  @ApiProperty({ description: 'Organisation the member works for', example: 'org-370102-legal-aid' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, {
    message: 'organisationId must be 1-64 letters, digits, dots, colons, dashes or underscores',
  })
  organisationId!: string;

  @ApiProperty({ description: "GB/T 2260 code of the organisation's area (jurisdiction)", example: '370102' })
  @IsRegionCode()
  regionCode!: string;
}
