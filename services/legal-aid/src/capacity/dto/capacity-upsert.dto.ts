import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class CapacityUpsertDto {
  @ApiProperty({
    description: 'Open applications the organisation takes on before automatic acceptance rejects with no-capacity',
    example: 200,
    minimum: 0,
    maximum: 100000,
  })
  @IsInt()
  @Min(0)
  @Max(100000)
  maxOpenApplications!: number;
}
