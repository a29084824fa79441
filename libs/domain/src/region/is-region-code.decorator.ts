import { ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';
import { shandongRegions } from './region-registry';
import { RegionLevel } from './region.types';

export interface IsRegionCodeOptions {
  /** Accept only these levels (e.g. `['county']` for an agency's seat); default: any level. */
  readonly levels?: readonly RegionLevel[];
}

/** A known Shandong division code: 6-digit province/city/county, 9-digit township or 12-digit village. */
export function IsRegionCode(
  options: IsRegionCodeOptions = {},
  validationOptions?: ValidationOptions,
): PropertyDecorator {
  const levels = options.levels;
  return ValidateBy(
    {
      name: 'isRegionCode',
      constraints: [levels],
      validator: {
        validate: (value: unknown): boolean => {
          if (typeof value !== 'string' || !/^(\d{6}|\d{9}|\d{12})$/.test(value)) return false;
          const region = shandongRegions().lookup(value);
          return region !== undefined && (levels === undefined || levels.includes(region.level));
        },
        defaultMessage: (args?: ValidationArguments): string => {
          const which = levels ? ` (${levels.join(' or ')})` : '';
          return `${args?.property ?? 'value'} must be a known Shandong division code${which}`;
        },
      },
    },
    validationOptions,
  );
}
