import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { BaseEnv } from '@legal/config';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/** Environment of the judicial-appraisal service: the shared variables (see .env.example) plus its own. */
export class JudicialAppraisalEnv extends BaseEnv {
  /** How often open offers past their expiry are marked expired (0 turns the sweeper off). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  OFFER_SWEEP_INTERVAL_MS = 30_000;
}
