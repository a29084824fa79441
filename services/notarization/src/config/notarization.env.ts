import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { HandlerEnv } from '@legal/handler-kit';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/**
 * Environment of the notarization service: the shared variables (see .env.example), the handler kit's
 * (AUTO_ACCEPT_OFFERS: accept while the office is below its open-application capacity;
 * OFFER_SWEEP_INTERVAL_MS) and its own.
 */
export class NotarizationEnv extends HandlerEnv {
  /** Capacity (open applications) given to a notary office first seen in an offer; admins change it per office. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  DEFAULT_OFFICE_CAPACITY = 200;
}
