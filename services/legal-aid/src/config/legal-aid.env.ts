import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { BaseEnv } from '@legal/config';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  return value;
};

/** Environment of the legal-aid service: the shared variables (see .env.example) plus its own. */
export class LegalAidEnv extends BaseEnv {
  /** Accept every legal-aid offer automatically when the organisation is below its open-case capacity. */
  @Transform(toBool)
  @IsBoolean()
  AUTO_ACCEPT_OFFERS = false;

  /** Let the sweeper appoint a lawyer from the roster for granted, notified-defence and urgent applications. */
  @Transform(toBool)
  @IsBoolean()
  AUTO_APPOINT_LAWYERS = true;

  /**
   * How often the workflow sweeper looks for automatic steps (appointments, expired offers, overdue clocks).
   * The offer-expiry sweep (handler kit) runs at this interval too. 15 s: the steps have deadlines of days (a
   * notified defence within three days) and offer windows of hours, while an idle instance made 1.4-1.6 database
   * round trips a second at 5 s (issue 14, strace of an idle stack; both sweeps open transactions every pass).
   * A granted application now gets its lawyer up to 15 s (+ jitter) after the grant instead of 5 s.
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600000)
  SWEEPER_INTERVAL_MS = 15_000;

  /** Applications one sweeper pass claims at most (SKIP LOCKED, so several instances share the work). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  SWEEPER_BATCH_SIZE = 25;

  /** Calendar days after closure by which the return visit (回访) to the aided person is due. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  RETURN_VISIT_DUE_DAYS = 30;
}
