import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length, Matches, ValidateNested } from 'class-validator';

export class MissingItemDto {
  @ApiProperty({ description: 'Item code', example: 'income-proof' })
  @Matches(/^[a-z0-9-]{2,64}$/, { message: 'code must be lower-case letters, digits and dashes (2-64)' })
  code!: string;

  @ApiProperty({ description: 'What the applicant must bring', example: '家庭收入证明' })
  @IsString()
  @Length(1, 200)
  label!: string;
}

export class MaterialsRequestDto {
  @ApiProperty({ description: 'Every missing item, in one notice (一次性告知)', type: [MissingItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => MissingItemDto)
  items!: MissingItemDto[];

  @ApiProperty({ description: 'Text shown to the applicant', example: '请一次性补齐以下材料：家庭收入证明、劳动合同' })
  @IsString()
  @Length(2, 4000)
  notice!: string;
}
