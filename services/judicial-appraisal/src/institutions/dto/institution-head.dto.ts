import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** Body of `PUT /institutions/:code/head`: the staff subject (identity token `sub`) of the institution head. */
export class InstitutionHeadDto {
  @ApiProperty({
    description: "Identity subject of the institution head (机构负责人), the staff account's token `sub`",
    example: '5b7c1d1e-4c8a-4f0e-9d36-0f4c9e1d2a11',
  })
  @IsString()
  @Length(1, 64)
  subject!: string;
}

/** The institution's designated head after a designation. */
export class InstitutionHeadResponseDto {
  @ApiProperty({ description: 'Licence code (9 digits)', example: '371300001' })
  code!: string;

  @ApiProperty({
    description: 'Identity subject of the institution head',
    example: '5b7c1d1e-4c8a-4f0e-9d36-0f4c9e1d2a11',
  })
  headSubject!: string;
}
