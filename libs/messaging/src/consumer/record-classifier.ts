import {
  checkWirePayload,
  CloudEvent,
  DeadLetterReason,
  type EventDefinition,
  findEventDefinition,
} from '@legal/contracts';
import { decodeData, decodeEnvelope, headersToStrings } from '../envelope/cloud-event.codec';
import type { ConsumedRecord } from './consumed-record';

export type Classified =
  // The definition found for the type rides along, so the processor does not look it up a second time.
  | { kind: 'handle'; record: ConsumedRecord; event: CloudEvent; definition: EventDefinition }
  | { kind: 'skip'; record: ConsumedRecord; type: string }
  | { kind: 'reject'; record: ConsumedRecord; reason: DeadLetterReason; error: string };

/**
 * Validates a record as if it came from a stranger, in this order: envelope headers, known type
 * (a wrong version is an unknown type), accepted by this group (else skipped, unparsed), JSON value,
 * payload schema as it travels (sealed personal-data fields must be JWEs; the processor opens them
 * and checks the plain schema). Pure: no I/O.
 */
export function classifyRecord(record: ConsumedRecord, accepted: ReadonlySet<string>): Classified {
  const envelope = decodeEnvelope(headersToStrings(record.headers));
  if (!envelope.ok) return { kind: 'reject', record, reason: envelope.reason, error: envelope.error };
  const { type } = envelope.envelope;
  const definition = findEventDefinition(type);
  if (!definition) return { kind: 'reject', record, reason: 'unknown-type', error: `unknown event type ${type}` };
  if (!accepted.has(type)) return { kind: 'skip', record, type };
  const data = decodeData(record.value);
  if (!data.ok) return { kind: 'reject', record, reason: data.reason, error: data.error };
  const check = checkWirePayload(type, data.data);
  if (!check.ok) return { kind: 'reject', record, reason: check.reason, error: check.errors.join('; ') };
  return { kind: 'handle', record, event: { ...envelope.envelope, data: data.data }, definition };
}
