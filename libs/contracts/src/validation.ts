import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { isRfc3339DateTime } from './date-time';
import type { EventDefinition } from './event-definition';
import { ALL_EVENTS, findEventDefinition } from './registry';
import { sealedFieldsOf, wireSchemaOf } from './sealing';

const ajv = new Ajv({ allErrors: true, strict: true, strictTuples: false, allowUnionTypes: true });
addFormats(ajv);
// The same accept/reject as ajv-formats' date-time in one regular expression (issue 14, ./date-time.ts).
ajv.addFormat('date-time', { type: 'string', validate: isRfc3339DateTime });
ajv.addKeyword({ keyword: 'x-sealed-schema', schemaType: 'object' });
const compiled = new Map<string, ValidateFunction>();
const compiledWire = new Map<string, ValidateFunction>();

function validatorFor(definition: EventDefinition): ValidateFunction {
  let fn = compiled.get(definition.type);
  if (!fn) {
    fn = ajv.compile(definition.schema);
    compiled.set(definition.type, fn);
  }
  return fn;
}

export type PayloadCheck =
  | { ok: true; definition: EventDefinition }
  | { ok: false; reason: 'unknown-type' | 'schema-violation'; errors: string[] };

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map(
    (e) =>
      `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})` : ''}`,
  );
}

/** Validates an event's data against the schema of its (versioned) type, as if from a stranger. */
export function checkEventPayload(type: string, data: unknown): PayloadCheck {
  const definition = findEventDefinition(type);
  if (!definition) return { ok: false, reason: 'unknown-type', errors: [`unknown event type ${type}`] };
  const validate = validatorFor(definition);
  return validate(data)
    ? { ok: true, definition }
    : { ok: false, reason: 'schema-violation', errors: describe(validate.errors) };
}

/**
 * Validates a record value as it travels (sealed fields must be JWEs, see `wireSchemaOf`); for
 * events without sealed fields this is `checkEventPayload`. Consumers check the plain payload again
 * once the fields are opened.
 */
export function checkWirePayload(type: string, data: unknown): PayloadCheck {
  const definition = findEventDefinition(type);
  if (!definition) return { ok: false, reason: 'unknown-type', errors: [`unknown event type ${type}`] };
  if (sealedFieldsOf(definition).length === 0) return checkEventPayload(type, data);
  let validate = compiledWire.get(type);
  if (!validate) {
    validate = ajv.compile(wireSchemaOf(definition));
    compiledWire.set(type, validate);
  }
  return validate(data)
    ? { ok: true, definition }
    : { ok: false, reason: 'schema-violation', errors: describe(validate.errors) };
}

/** Compiles every schema once (fails fast at start-up if a schema is malformed). */
export function compileAllSchemas(): void {
  for (const definition of ALL_EVENTS) {
    validatorFor(definition);
    checkWirePayload(definition.type, undefined);
  }
}
