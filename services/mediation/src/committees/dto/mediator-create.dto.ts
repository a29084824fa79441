import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
} from 'class-validator';
import { DISPUTE_CATEGORIES } from '../../classification/entities/dispute-keyword.entity';

export class MediatorCreateDto {
  @ApiProperty({ description: "Mediator's name", example: '王秀英' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({
    description: 'Dispute categories the mediator specialises in',
    enum: DISPUTE_CATEGORIES,
    isArray: true,
    example: ['family', 'neighbour'],
  })
  @IsArray()
  @ArrayMaxSize(DISPUTE_CATEGORIES.length)
  @ArrayUnique()
  @IsIn(DISPUTE_CATEGORIES, { each: true })
  specialties!: string[];

  @ApiProperty({ description: 'Open cases at which the mediator counts as fully loaded (1-100)', example: 8 })
  @IsInt()
  @Min(1)
  @Max(100)
  maxOpenCases!: number;
}

export class MediatorUpdateDto {
  @ApiPropertyOptional({ description: "Mediator's name", example: '王秀英' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({
    description: 'Dispute categories the mediator specialises in',
    enum: DISPUTE_CATEGORIES,
    isArray: true,
    example: ['family'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(DISPUTE_CATEGORIES.length)
  @ArrayUnique()
  @IsIn(DISPUTE_CATEGORIES, { each: true })
  specialties?: string[];

  @ApiPropertyOptional({ description: 'Open cases at which the mediator counts as fully loaded', example: 10 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  maxOpenCases?: number;

  @ApiPropertyOptional({ description: 'Whether the mediator takes new cases', example: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
