import { Type } from '@sinclair/typebox';
import type { EventDefinition } from './event-definition';

type Json = Record<string, unknown>;

/**
 * A personal-data field as it travels: the field's JSON value, encrypted for each consuming service.
 * JWE General JSON serialisation (RFC 7516 §7.2.1): content encrypted once with a fresh AES-256-GCM
 * key (`enc` A256GCM in the protected header), that key wrapped for every recipient with
 * ECDH-ES+A256KW over its X25519 public key; the recipient header's `kid` is `<service>/<key id>`.
 * A service opens the entry with its kid using its own private key; nobody else can.
 */
export const SealedJwe = Type.Object(
  {
    protected: Type.String({
      pattern: '^[A-Za-z0-9_-]+$',
      description:
        'base64url JSON: {"enc":"A256GCM","cty":"application/json"} (plus the ephemeral key epk when there is one recipient)',
    }),
    recipients: Type.Array(
      Type.Object(
        {
          header: Type.Object(
            {
              alg: Type.Literal('ECDH-ES+A256KW'),
              kid: Type.String({
                pattern: '^[a-z-]+/[A-Za-z0-9._-]{1,64}$',
                description: 'Recipient service / key id, e.g. legal-aid/2026-12',
              }),
              epk: Type.Optional(
                Type.Object(
                  { kty: Type.Literal('OKP'), crv: Type.Literal('X25519'), x: Type.String() },
                  { description: 'Ephemeral public key (in the protected header when there is one recipient)' },
                ),
              ),
            },
            { description: 'Per-recipient unprotected header' },
          ),
          encrypted_key: Type.String({
            pattern: '^[A-Za-z0-9_-]+$',
            description: 'The content key, wrapped for this recipient',
          }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, description: 'One entry per consuming service (the event type’s x-consumers)' },
    ),
    iv: Type.String({ pattern: '^[A-Za-z0-9_-]+$' }),
    ciphertext: Type.String({ pattern: '^[A-Za-z0-9_-]*$' }),
    tag: Type.String({ pattern: '^[A-Za-z0-9_-]+$' }),
  },
  {
    additionalProperties: false,
    description:
      'Sealed personal data: JWE General JSON (RFC 7516), enc A256GCM, one recipient per consuming service (alg ECDH-ES+A256KW, X25519, kid <service>/<key id>). The plaintext is the JSON of the field as described in x-sealed-schema.',
  },
);

const EXAMPLE_JWE = {
  protected: 'eyJlbmMiOiJBMjU2R0NNIiwiY3R5IjoiYXBwbGljYXRpb24vanNvbiJ9',
  iv: 'T3Bhc3RJdkV4YW1wbGU',
  ciphertext: 'c2VhbGVkLXBlcnNvbmFsLWRhdGEtZXhhbXBsZQ',
  tag: 'ZXhhbXBsZS1hdXRoLXRhZw',
};

/** Plain JSON (TypeBox schemas carry symbol keys). */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function sealedFieldsOf(definition: Pick<EventDefinition, 'sealed'>): readonly string[] {
  return definition.sealed ?? [];
}

/**
 * The services the sealed fields of this event are readable by: its consumers, or, for a definition
 * with `sealedForField`, the one consumer that field of `data` names (all consumers if it names none).
 * Only clear fields are read, so it gives the same answer for the plain and the sealed payload.
 */
export function sealRecipientsOf(
  definition: Pick<EventDefinition, 'consumers' | 'sealedForField'>,
  data?: unknown,
): string[] {
  const consumers = [...new Set(definition.consumers)];
  const field = definition.sealedForField;
  if (field && data && typeof data === 'object') {
    const named = (data as Record<string, unknown>)[field];
    if (typeof named === 'string' && (consumers as string[]).includes(named)) return [named];
  }
  return consumers;
}

/**
 * The JSON Schema of the record value on the wire: the contract schema with every sealed field
 * replaced by `SealedJwe` (the field's own schema kept as `x-sealed-schema`). Equals the contract
 * schema for events without personal data.
 */
export function wireSchemaOf(definition: EventDefinition): Json {
  const schema = plain(definition.schema) as Json & { properties: Record<string, Json> };
  for (const field of sealedFieldsOf(definition)) {
    const inner = schema.properties[field];
    if (!inner) throw new Error(`${definition.type}: sealed field ${field} is not a property`);
    schema.properties[field] = { ...plain(SealedJwe), 'x-sealed-schema': inner };
  }
  return schema;
}

/** The example of an event as it travels (sealed fields replaced by an illustrative JWE). */
export function wireExampleOf(definition: EventDefinition): Json {
  const example = plain(definition.example) as Json;
  for (const field of sealedFieldsOf(definition)) {
    if (example[field] === undefined) continue;
    example[field] = {
      protected: EXAMPLE_JWE.protected,
      recipients: sealRecipientsOf(definition, definition.example).map((service) => ({
        header: {
          alg: 'ECDH-ES+A256KW',
          kid: `${service}/2026-12`,
          epk: { kty: 'OKP', crv: 'X25519', x: 'RXBoZW1lcmFsUHVibGljS2V5RXhhbXBsZTAwMDAwMA' },
        },
        encrypted_key: 'V3JhcHBlZENvbnRlbnRLZXlFeGFtcGxlMDAwMDAwMDAwMDAwMDAwMA',
      })),
      iv: EXAMPLE_JWE.iv,
      ciphertext: EXAMPLE_JWE.ciphertext,
      tag: EXAMPLE_JWE.tag,
    };
  }
  return example;
}
