import { XMLBuilder } from 'fast-xml-parser';
import type {
  Open311AttributeDto,
  Open311CreatedDto,
  Open311ErrorDto,
  Open311RequestDto,
  Open311ServiceDefinitionDto,
  Open311ServiceDto,
  Open311TokenDto,
} from './dto/open311-responses.dto';

/** The content type of every GeoReport v2 XML answer, errors included. */
export const GEOREPORT_XML_CONTENT_TYPE = 'text/xml; charset=utf-8';

/**
 * The XML documents of GeoReport v2 (wiki.open311.org/GeoReport_v2): each JSON answer as the specification's
 * root element holding one element per item, every field an element of the same name (an empty element when it is
 * null), in the field order of the JSON. The builder escapes `&`, `<`, `>`, `"` and `'` in text; characters XML 1.0
 * cannot carry never reach it (the input guard refuses control characters before any handler).
 */
export type GeoReportXml =
  | { kind: 'services'; items: Open311ServiceDto[] }
  | { kind: 'service-definition'; definition: Open311ServiceDefinitionDto }
  | { kind: 'created'; items: Open311CreatedDto[] }
  | { kind: 'requests'; items: Open311RequestDto[] }
  | { kind: 'tokens'; items: Open311TokenDto[] }
  | { kind: 'errors'; items: Open311ErrorDto[] };

type Scalar = string | number | boolean | null | undefined;
type Element = Record<string, unknown>;

const builder = new XMLBuilder({
  format: true,
  indentBy: '  ',
  suppressEmptyNode: false,
  processEntities: true,
});

function text(value: Scalar): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value;
}

/** The fields of an answer object as child elements, in their order; nested lists are handled by the caller. */
function fields(item: object): Element {
  const element: Element = {};
  for (const [name, value] of Object.entries(item)) element[name] = text(value as Scalar);
  return element;
}

function attributeElement(attribute: Open311AttributeDto & { values?: { key: string; name: string }[] }): Element {
  const { values, ...rest } = attribute;
  const element = fields(rest);
  if (values && values.length > 0) element.values = { value: values.map((v) => fields(v)) };
  return element;
}

function documentOf(doc: GeoReportXml): Element {
  switch (doc.kind) {
    case 'services':
      return { services: { service: doc.items.map(fields) } };
    case 'service-definition': {
      const { attributes, ...rest } = doc.definition;
      const definition = fields(rest);
      definition.attributes = attributes.length > 0 ? { attribute: attributes.map(attributeElement) } : '';
      return { service_definition: definition };
    }
    case 'created':
    case 'requests':
    case 'tokens':
      return { service_requests: { request: doc.items.map(fields) } };
    case 'errors':
      return { errors: { error: doc.items.map(fields) } };
  }
}

/** One GeoReport v2 XML document, with its declaration. */
export function toGeoReportXml(doc: GeoReportXml): string {
  const body = builder.build(documentOf(doc)) as string;
  return `<?xml version="1.0" encoding="utf-8"?>\n${body}`;
}
