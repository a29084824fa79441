import { ALL_EVENTS, sealedFieldsOf, sealRecipientsOf } from '@legal/contracts';
import type { EventDefinition } from '@legal/contracts';
import { SealError, TransitSealer } from '@legal/privacy';

type Payload = Record<string, unknown>;

/**
 * Seals and opens the personal-data fields an event definition declares (`sealed`), for the
 * definition's `consumers`. The outbox seals before the row is written (so outbox rows, the broker's
 * log, inbox-side dead letters and replays only ever hold the sealed form); the consumer pipeline
 * opens before the plain schema check and the handler. One place, every service.
 */
export class EventSealing {
  constructor(readonly sealer: TransitSealer) {}

  /** The sealing of a service, refusing to start if it could not seal an event it publishes for every consumer. */
  static checked(sealer: TransitSealer, producer: string): EventSealing {
    const sealing = new EventSealing(sealer);
    const missing = sealing.missingRecipients(producer);
    if (missing.length > 0)
      throw new Error(
        `PII_TRANSIT_DIRECTORY has no public key for ${missing.join(', ')}, which ${producer} seals personal data for`,
      );
    return sealing;
  }

  /** Development keys for `service` (derived from service names): tests, fixtures, benchmarks. */
  static development(service: string): EventSealing {
    return new EventSealing(TransitSealer.development(service));
  }

  get service(): string {
    return this.sealer.service;
  }

  /**
   * Consumers of the sealed events `producer` publishes (per the contracts' `producers`) that the
   * directory has no public key for: publishing such an event would fail. Checked at start-up.
   */
  missingRecipients(producer: string): string[] {
    const needed = new Set(
      ALL_EVENTS.filter((d) => EventSealing.hasSealedFields(d) && (d.producers as string[]).includes(producer)).flatMap(
        (d) => sealRecipientsOf(d),
      ),
    );
    return [...needed].filter((service) => !this.sealer.directory.find(service)).sort();
  }

  static hasSealedFields(definition: Pick<EventDefinition, 'sealed'>): boolean {
    return sealedFieldsOf(definition).length > 0;
  }

  /** A copy of `data` with every declared field (when present) replaced by its JWE. */
  async seal(
    definition: Pick<EventDefinition, 'sealed' | 'consumers' | 'sealedForField'>,
    data: unknown,
  ): Promise<unknown> {
    const fields = sealedFieldsOf(definition);
    if (fields.length === 0) return data;
    const recipients = sealRecipientsOf(definition, data);
    const copy: Payload = { ...(data as Payload) };
    for (const field of fields) {
      if (copy[field] !== undefined) copy[field] = await this.sealer.seal(copy[field], recipients);
    }
    return copy;
  }

  /**
   * False when the event's sealed fields are for other consumers only (`sealedForField` names another
   * service): such a record is acknowledged unopened, like a type the group does not handle.
   */
  isAddressedTo(definition: Pick<EventDefinition, 'consumers' | 'sealedForField'>, data: unknown): boolean {
    return !definition.sealedForField || sealRecipientsOf(definition, data).includes(this.service);
  }

  /** A copy of `data` with every declared field opened; throws SealError if one cannot be. */
  async open(definition: Pick<EventDefinition, 'sealed' | 'type'>, data: unknown): Promise<unknown> {
    const fields = sealedFieldsOf(definition);
    if (fields.length === 0) return data;
    if (data === null || typeof data !== 'object' || Array.isArray(data))
      throw new SealError('not-sealed', 'payload is not an object');
    const copy: Payload = { ...(data as Payload) };
    for (const field of fields) {
      if (copy[field] === undefined) continue;
      try {
        copy[field] = await this.sealer.open(copy[field]);
      } catch (e) {
        if (e instanceof SealError) throw new SealError(e.reason, `${field}: ${e.message}`);
        throw e;
      }
    }
    return copy;
  }
}
