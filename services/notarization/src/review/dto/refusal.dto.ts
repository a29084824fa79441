import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class RefusalDto {
  @ApiProperty({
    description: 'Why the notarization is refused (不予办理), told to the applicant',
    example: '申请公证的事项不属于本公证处执业区域',
  })
  @IsString()
  @Length(2, 2000)
  reason!: string;
}
