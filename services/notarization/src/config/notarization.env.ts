import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { BaseEnv } from '@legal/config';

const toBool = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  return value;
};
const toInt = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value);

/** Environment of the notarization service: the shared variables (see .env.example) plus its own. */
export class NotarizationEnv extends BaseEnv {
  /** Accept offers without a staff decision while the office is below its open-application capacity. */
  @Transform(toBool)
  @IsBoolean()
  AUTO_ACCEPT_OFFERS = false;

  /** How often open offers past their expiry are marked expired (0 turns the sweeper off). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  OFFER_SWEEP_INTERVAL_MS = 30_000;

  /** Capacity (open applications) given to a notary office first seen in an offer; admins change it per office. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  DEFAULT_OFFICE_CAPACITY = 200;
}
