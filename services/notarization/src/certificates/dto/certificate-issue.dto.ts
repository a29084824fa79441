import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class CertificateIssueDto {
  @ApiPropertyOptional({ description: 'Certified copies (公证书份数) issued, default 1', example: 2 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  copies?: number;
}
