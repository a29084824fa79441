import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { PARTY_ROLES, PartyRole } from '../entities/mediation-session.entity';

export class SessionPartyDto {
  @ApiProperty({ description: 'Name of the party (or agent)', example: '张三' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ description: 'Role in the dispute', enum: PARTY_ROLES, example: 'applicant' })
  @IsIn(PARTY_ROLES)
  role!: PartyRole;
}
