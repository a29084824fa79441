import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';

/** Metadata of a file the citizen attached (the file itself goes to object storage, not through this API). */
export class AttachmentDto {
  @ApiProperty({ description: 'File name', example: '劳动合同.pdf', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ description: 'Media type', example: 'application/pdf', maxLength: 100 })
  @IsString()
  @Matches(/^[a-z]+\/[a-z0-9.+-]+$/i, { message: 'mediaType must be a media type such as application/pdf' })
  @Length(3, 100)
  mediaType!: string;

  @ApiProperty({ description: 'Size in bytes (at most 20 MB)', example: 48213 })
  @IsInt()
  @Min(0)
  @Max(20 * 1024 * 1024)
  sizeBytes!: number;
}
