import { sealedFieldsOf, sealRecipientsOf } from '@legal/contracts';
import type { EventDefinition } from '@legal/contracts';

/**
 * Whether the sealed personal-data fields of `data` (the payload as it travels) are meant for `service`,
 * decided without any key: the definition's addressing (`sealedForField` naming another consumer) and the
 * recipients' kids (`<service>/<key id>`) of each sealed value. False when every sealed value lists only
 * other services; true when the event seals nothing present, or one value lists this service. Pure: a
 * consumer that holds no transit keys can tell "not for me, skip" from "for me, but I cannot open it".
 */
export function isSealedFor(
  definition: Pick<EventDefinition, 'sealed' | 'consumers' | 'sealedForField'>,
  data: unknown,
  service: string,
): boolean {
  if (definition.sealedForField && !sealRecipientsOf(definition, data).includes(service)) return false;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return true;
  const payload = data as Record<string, unknown>;
  let sealedValues = 0;
  for (const field of sealedFieldsOf(definition)) {
    const kids = recipientKids(payload[field]);
    if (kids === undefined) continue;
    sealedValues++;
    if (kids.some((kid) => kid.startsWith(`${service}/`))) return true;
  }
  return sealedValues === 0;
}

/** The recipients' kids of a sealed value (JWE General JSON), or undefined when the value carries none. */
function recipientKids(value: unknown): string[] | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const recipients = (value as { recipients?: unknown }).recipients;
  if (!Array.isArray(recipients) || recipients.length === 0) return undefined;
  return recipients.map((r: unknown) => {
    const kid = (r as { header?: { kid?: unknown } } | null)?.header?.kid;
    return typeof kid === 'string' ? kid : '';
  });
}
