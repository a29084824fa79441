import { BaseEnv } from '@legal/config';
import { Transform } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/** Environment of the portal service: the shared variables (see .env.example) plus its own. */
export class PortalEnv extends BaseEnv {
  /** Base URL of the work-order service, whose public organisation directory backs the agency lookup. */
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'WORK_ORDER_URL must be an http(s) URL' })
  WORK_ORDER_URL = 'http://127.0.0.1:3000';

  /** How long an agency-lookup answer is cached in Redis (seconds; 0 disables the cache). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3600)
  AGENCY_CACHE_SECONDS = 60;
}
