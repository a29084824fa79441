import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { BaseEnv } from '@legal/config';
import type { HandlerKitOptions, HandlerSettings } from './handler-kit.options';

const toBool = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  return value;
};
const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/** The variables every handler service has for its offers; a handler's env class extends it. */
export class HandlerEnv extends BaseEnv {
  /** Accept offers without a staff decision when the handler's domain has room (its `capacity`, `open`). */
  @Transform(toBool)
  @IsBoolean()
  AUTO_ACCEPT_OFFERS = false;

  /** How often open offers past their expiry are marked expired (0 turns the sweeper off). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  OFFER_SWEEP_INTERVAL_MS = 30_000;
}

/** `settings` of the kit's options read from a `HandlerEnv` (the service's env class), plus any overrides. */
export function settingsFromEnv<E extends HandlerEnv>(
  envClass: new () => E,
  overrides: (env: E) => Partial<HandlerSettings> = () => ({}),
): HandlerKitOptions['settings'] {
  return {
    inject: [envClass],
    useFactory: (env: E): HandlerSettings => ({
      autoAccept: env.AUTO_ACCEPT_OFFERS,
      sweepIntervalMs: env.OFFER_SWEEP_INTERVAL_MS,
      ...overrides(env),
    }),
  };
}
