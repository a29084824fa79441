import type { EntityManager } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { Offer } from './offer.entity';

/** The offer table as one SQL name, and its columns' metadata (names and value conversion). */
function offerTable(manager: EntityManager) {
  const metadata = manager.connection.getMetadata(Offer);
  const schema = metadata.schema ?? (manager.connection.options as { schema?: string }).schema ?? 'public';
  return { metadata, driver: manager.connection.driver, table: `"${schema}"."${metadata.tableName}"` };
}

/**
 * Records a dispatched offer once, in one plain statement (issue 14): the INSERT skips an offer id already
 * there and returns the database-made timestamps, so the caller has the whole row without reading it back.
 * Column names and value conversion come from the entity's metadata. Returns false when the offer existed.
 */
export async function insertOfferOnce(manager: EntityManager, offer: Offer): Promise<boolean> {
  const { metadata, driver, table } = offerTable(manager);
  const columns = metadata.columns.filter((c) => !c.isCreateDate && !c.isUpdateDate);
  const values = columns.map((c) => driver.preparePersistentValue(c.getEntityValue(offer) ?? null, c));
  const rows = (await manager.query(
    `INSERT INTO ${table} (${columns.map((c) => `"${c.databaseName}"`).join(', ')})
     VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})
     ON CONFLICT DO NOTHING RETURNING created_at AS "createdAt", updated_at AS "updatedAt"`,
    values,
  )) as { createdAt: Date; updatedAt: Date }[];
  const [stamps] = rows;
  if (!stamps) return false;
  offer.createdAt = stamps.createdAt;
  offer.updatedAt = stamps.updatedAt;
  return true;
}

/** Columns a decision on an offer writes. */
export type OfferDecision = Partial<
  Pick<
    Offer,
    'status' | 'decidedAt' | 'decidedBy' | 'matterId' | 'rejectionReasonCode' | 'rejectionReason' | 'withdrawalReason'
  >
>;

/**
 * Writes a decision on one offer in a plain UPDATE (issue 14: no query building per accepted or rejected
 * offer), touching updated_at as TypeORM's update did. Column names and value conversion come from the
 * entity's metadata.
 */
export async function updateOffer(manager: EntityManager, id: string, decision: OfferDecision): Promise<void> {
  const { metadata, driver, table } = offerTable(manager);
  const columns: ColumnMetadata[] = [];
  const values: unknown[] = [];
  for (const [property, value] of Object.entries(decision)) {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`offer has no column for ${property}`);
    columns.push(column);
    values.push(driver.preparePersistentValue(value ?? null, column));
  }
  const assignments = columns.map((c, i) => `"${c.databaseName}" = $${i + 1}`).join(', ');
  await manager.query(
    `UPDATE ${table} SET ${assignments}, updated_at = CURRENT_TIMESTAMP WHERE id = $${columns.length + 1}`,
    [...values, id],
  );
}
