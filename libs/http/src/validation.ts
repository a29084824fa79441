import { Logger, ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidatorOptions } from 'class-validator';
import { InvalidInputError } from './domain-error';
import type { FieldError } from './problem-details';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const isIndex = /^\d+$/.test(error.property);
    const path =
      parent === '' ? error.property : isIndex ? `${parent}[${error.property}]` : `${parent}.${error.property}`;
    const own: FieldError[] = error.constraints
      ? [{ field: path, messages: Object.values(error.constraints), codes: Object.keys(error.constraints) }]
      : [];
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

export function toFieldErrors(errors: ValidationError[]): FieldError[] {
  return flatten(errors);
}

/**
 * class-validator's `@ValidateNested()` accepts an array where the nested object goes, and
 * `@ValidateNested({ each: true })` arrays inside the array (it validates multi-dimensional arrays
 * item by item): `materials: [[{...}]]` passed validation and reached PostgreSQL as a row without its
 * columns (500, notarization POST /matters, found by test/security/openapi-fuzz.int-spec.ts). No DTO of
 * this API nests arrays in arrays, so every such place is refused here, named like other field errors.
 * Likewise a required nested object (`@ValidateNested()` without `@IsOptional()`) that is missing: class-validator
 * skips it, and work-order POST /admin/organisations without `dutyHours` answered 500 (not-null column).
 */
export function nestedShapeErrors(object: unknown, path = '', depth = 0): ValidationError[] {
  if (object === null || typeof object !== 'object' || depth > 32) return [];
  const errors: ValidationError[] = [];
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(object.constructor, '', true, false);
  const name = (property: string): string => (path === '' ? property : `${path}.${property}`);
  const refuse = (field: string): ValidationError => ({
    property: field,
    constraints: { nestedObject: `${field} must be an object, not an array` },
    children: [],
  });
  const optional = new Set(
    metadatas.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION).map((m) => m.propertyName),
  );
  for (const meta of metadatas) {
    if (meta.type !== ValidationTypes.NESTED_VALIDATION) continue;
    const value = (object as Record<string, unknown>)[meta.propertyName];
    if (value === null || value === undefined) {
      // A required nested object left out: @ValidateNested() alone lets it through (a 500 further on).
      if (!meta.each && !optional.has(meta.propertyName)) {
        const field = name(meta.propertyName);
        errors.push({ property: field, constraints: { nestedObject: `${field} must be an object` }, children: [] });
      }
      continue;
    }
    if (meta.each && Array.isArray(value)) {
      value.forEach((item: unknown, index) => {
        const field = `${name(meta.propertyName)}[${index}]`;
        if (Array.isArray(item)) errors.push(refuse(field));
        else errors.push(...nestedShapeErrors(item, field, depth + 1));
      });
    } else if (!meta.each && Array.isArray(value)) errors.push(refuse(name(meta.propertyName)));
    else if (!Array.isArray(value)) errors.push(...nestedShapeErrors(value, name(meta.propertyName), depth + 1));
  }
  return errors;
}

/** `phoneLastFour`, `phone_last_4`, `PhoneLast4` → `phonelast4`-like keys: case, `_`/`-` and number words removed. */
function normaliseName(name: string): string {
  const numbers: Record<string, string> = {
    one: '1',
    two: '2',
    three: '3',
    four: '4',
    five: '5',
    six: '6',
    eight: '8',
  };
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .map((word) => word.toLowerCase())
    .map((word) => numbers[word] ?? word)
    .join('');
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The known field an unknown one was most likely meant to be: the same name once case, separators and number
 * words are ignored (`phoneLastFour`, `phone_last_4` → `phoneLast4`), else the closest by edit distance when it
 * is at most 2 (and under a third of the name). Undefined when nothing is close.
 */
export function suggestField(unknown: string, known: readonly string[]): string | undefined {
  const wanted = normaliseName(unknown);
  const same = known.find((k) => normaliseName(k) === wanted);
  if (same !== undefined) return same;
  let best: { name: string; distance: number } | undefined;
  for (const k of known) {
    const distance = editDistance(wanted, normaliseName(k));
    if (
      distance <= 2 &&
      distance * 3 < Math.max(wanted.length, 1) &&
      (best === undefined || distance < best.distance)
    ) {
      best = { name: k, distance };
    }
  }
  return best?.name;
}

/**
 * Adds `; did you mean <field>?` to the "should not exist" message of an unknown field that resembles a field of
 * the DTO (class-validator's whitelist error names only the unknown one). Walks nested objects with their errors.
 */
export function addFieldHints(object: unknown, errors: ValidationError[]): ValidationError[] {
  if (object === null || typeof object !== 'object') return errors;
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(object.constructor, '', true, false);
  const known = [...new Set(metadatas.map((m) => m.propertyName))];
  return errors.map((error) => {
    const message = error.constraints?.[ValidationTypes.WHITELIST];
    const hint = message === undefined ? undefined : suggestField(error.property, known);
    const constraints =
      hint === undefined || message === undefined
        ? error.constraints
        : { ...error.constraints, [ValidationTypes.WHITELIST]: `${message}; did you mean ${hint}?` };
    const value: unknown = (object as Record<string, unknown>)[error.property];
    const children =
      error.children && error.children.length > 0 ? addFieldHints(value, error.children) : error.children;
    return { ...error, constraints, children } as ValidationError;
  });
}

/**
 * A validator that throws on hostile input instead of saying "invalid" (class-validator's IsNumber with
 * maxDecimalPlaces on 5e-324, validator's isEmail on an unpaired surrogate: TypeError / URIError) would
 * make the request a 500. The request is refused as invalid instead (400 `validation-failed`, nothing
 * reaches the handler), and the throw is logged so the validator can be fixed. Found by
 * test/security/openapi-fuzz.int-spec.ts.
 */
class FailClosedValidationPipe extends ValidationPipe {
  private readonly logger = new Logger('ValidationPipe');

  protected override async validate(object: object, validatorOptions?: ValidatorOptions): Promise<ValidationError[]> {
    try {
      const errors = await super.validate(object, validatorOptions);
      return errors.length > 0 ? addFieldHints(object, errors) : nestedShapeErrors(object);
    } catch (e) {
      this.logger.warn(
        { err: e, dto: object?.constructor?.name },
        'a validator threw on this input; refused as invalid (400)',
      );
      throw new InvalidInputError([
        { field: 'request', messages: ['a value in the request could not be validated'], codes: ['unvalidatable'] },
      ]);
    }
  }
}

/**
 * The global pipe: strips nothing silently (unknown fields are an error), converts types, and
 * reports every invalid field at once as a 400 problem.
 */
export function createValidationPipe(): ValidationPipe {
  return new FailClosedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidInputError(toFieldErrors(errors)),
  });
}
