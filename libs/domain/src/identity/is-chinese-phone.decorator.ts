import { ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';
import { parseChinesePhone, PhoneKind } from './phone';

export interface IsChinesePhoneOptions {
  /** Accept only these kinds (e.g. `['mobile']` where an SMS must be sent); default both. */
  readonly kinds?: readonly PhoneKind[];
}

/** A mainland mobile or landline number in any usual notation; store `normalizeChinesePhone(value)`. */
export function IsChinesePhone(
  options: IsChinesePhoneOptions = {},
  validationOptions?: ValidationOptions,
): PropertyDecorator {
  const kinds = options.kinds;
  return ValidateBy(
    {
      name: 'isChinesePhone',
      constraints: [kinds],
      validator: {
        validate: (value: unknown): boolean => {
          const parsed = parseChinesePhone(value);
          return parsed.ok && (kinds === undefined || kinds.includes(parsed.value.kind));
        },
        // The message never repeats the value: it is personal data and messages end up in logs.
        defaultMessage: (args?: ValidationArguments): string => {
          const parsed = parseChinesePhone(args?.value);
          const which = kinds ? ` (${kinds.join(' or ')})` : '';
          const why = parsed.ok ? ` It is a ${parsed.value.kind} number.` : ` ${parsed.message}`;
          return `${args?.property ?? 'value'} must be a mainland China telephone number${which}.${why}`;
        },
      },
    },
    validationOptions,
  );
}
