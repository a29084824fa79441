import { PartialType } from '@nestjs/swagger';
import { RosterShiftCreateDto } from './roster-shift-create.dto';

/** Every field of a shift may be changed; absent fields keep their value. */
export class RosterShiftUpdateDto extends PartialType(RosterShiftCreateDto) {}
