import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { PartnerAgreementDto } from './partner-agreement.dto';

/** What an administrator may change on a partner client; absent fields stay as they are. */
export class PartnerClientUpdateDto {
  @ApiPropertyOptional({ description: 'Name of the partner agency', example: '济南市中级人民法院' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({
    description: 'The new data-sharing agreement (replaces the old one; applies from the next event on)',
    type: PartnerAgreementDto,
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PartnerAgreementDto)
  agreement?: PartnerAgreementDto;

  @ApiPropertyOptional({
    description:
      'true: revoke the client (no tokens, no more feed items, unsent ones dropped, broker ACLs removed); false: enable it again (ACLs granted)',
    example: true,
  })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}
