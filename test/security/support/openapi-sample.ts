/**
 * Builds request bodies from a service's own OpenAPI document (`/docs-json`), so the log scan can
 * send requests that pass validation and reach the handlers, with personal data placed in every
 * field that is meant to carry it and in every free-text field.
 */
export interface SchemaObject {
  $ref?: string;
  type?: string;
  format?: string;
  properties?: Record<string, SchemaObject>;
  items?: SchemaObject;
  enum?: unknown[];
  example?: unknown;
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  minLength?: number;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: SchemaObject }> } }>>;
  components?: { schemas?: Record<string, SchemaObject> };
}

export interface PersonalData {
  idCard: string;
  phone: string;
}

const ID_FIELD = /(id_?card|idcard|id_?number|identity_?number|citizen_?id)/i;
const PHONE_FIELD = /(phone|mobile|telephone|tel$|caller_?number|contact_?number)/i;
const TEXT_FIELD =
  /(description|content|summary|note|question|remark|detail|reason|text|comment|message|facts|request)/i;

function resolve(schema: SchemaObject, doc: OpenApiDocument): SchemaObject {
  if (!schema.$ref) return schema;
  const name = schema.$ref.split('/').pop() ?? '';
  return doc.components?.schemas?.[name] ?? {};
}

export function sampleValue(
  input: SchemaObject,
  doc: OpenApiDocument,
  pii: PersonalData,
  field = '',
  depth = 0,
): unknown {
  const schema = resolve(input, doc);
  if (depth > 6) return undefined;
  if (schema.allOf) {
    const merged: SchemaObject = { type: 'object', properties: {} };
    for (const part of schema.allOf) Object.assign(merged.properties ?? {}, resolve(part, doc).properties ?? {});
    return sampleValue(merged, doc, pii, field, depth + 1);
  }
  const alternative = schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (alternative) return sampleValue(alternative, doc, pii, field, depth + 1);
  if (schema.type === 'object' || schema.properties) {
    const out: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const value = sampleValue(property, doc, pii, name, depth + 1);
      if (value !== undefined) out[name] = value;
    }
    return out;
  }
  if (schema.type === 'array') {
    if (schema.example !== undefined && !schema.items?.$ref) return schema.example;
    const item = schema.items ? sampleValue(schema.items, doc, pii, field, depth + 1) : undefined;
    return item === undefined ? [] : [item];
  }
  if (schema.type === 'string' || schema.type === undefined) {
    if (ID_FIELD.test(field)) return pii.idCard;
    if (PHONE_FIELD.test(field)) return pii.phone;
    if (schema.enum?.length) return schema.enum[0];
    if (typeof schema.example === 'string') {
      return TEXT_FIELD.test(field) ? `${schema.example}（身份证 ${pii.idCard}，电话 ${pii.phone}）` : schema.example;
    }
    if (schema.format === 'date-time') return new Date().toISOString();
    if (schema.format === 'date') return new Date().toISOString().slice(0, 10);
    if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
    return TEXT_FIELD.test(field) ? `我的身份证号是${pii.idCard}，手机${pii.phone}，请回电` : 'text';
  }
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.type === 'integer' || schema.type === 'number') return 1;
  if (schema.type === 'boolean') return true;
  return undefined;
}

/** `/work-orders/:id` → `/work-orders/{id}` (OpenAPI path template). */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:(\w+)/g, '{$1}');
}

export function sampleBody(doc: OpenApiDocument, expressPath: string, method: string, pii: PersonalData): unknown {
  const operation = doc.paths[openApiPath(expressPath)]?.[method.toLowerCase()];
  const content = operation?.requestBody?.content;
  const schema = content?.['application/json']?.schema ?? Object.values(content ?? {})[0]?.schema;
  return schema ? sampleValue(schema, doc, pii) : undefined;
}

/** Every string in a body replaced by personal data: validation failures that must not echo it. */
export function poisonedBody(body: unknown, pii: PersonalData): unknown {
  if (typeof body === 'string') return `${pii.phone} ${pii.idCard}`;
  if (Array.isArray(body)) return body.map((b) => poisonedBody(b, pii));
  if (body && typeof body === 'object') {
    const out: Record<string, unknown> = { unknownIdCard: pii.idCard, unknownPhone: pii.phone };
    for (const [k, v] of Object.entries(body)) out[k] = poisonedBody(v, pii);
    return out;
  }
  return body;
}
