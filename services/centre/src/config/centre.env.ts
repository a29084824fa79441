import { BaseEnv } from '@legal/config';
import { Transform } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/** Environment of the centre service: the shared variables (see .env.example) plus its own. */
export class CentreEnv extends BaseEnv {
  /** Working days a receiving organisation has to accept or reject a referral (转介). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(30)
  REFERRAL_RESPONSE_WORKING_DAYS = 3;

  /** How often each instance looks for referrals nobody answered in time (0 turns the sweeper off). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  REFERRAL_SWEEP_INTERVAL_MS = 60000;

  /** Id of the public legal service centre of a region: the coordinating level a rejected referral goes to. */
  @Matches(/\{region\}/, { message: 'COORDINATING_ORGANISATION_ID_TEMPLATE must contain {region}' })
  COORDINATING_ORGANISATION_ID_TEMPLATE = 'org-{region}-centre';
}
