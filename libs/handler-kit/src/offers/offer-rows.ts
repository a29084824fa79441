import type { EntityManager } from 'typeorm';
import { Offer } from './offer.entity';

/**
 * Records a dispatched offer once, in one plain statement (issue 14): the INSERT skips an offer id already
 * there and returns the database-made timestamps, so the caller has the whole row without reading it back.
 * Column names and value conversion come from the entity's metadata. Returns false when the offer existed.
 */
export async function insertOfferOnce(manager: EntityManager, offer: Offer): Promise<boolean> {
  const metadata = manager.connection.getMetadata(Offer);
  const driver = manager.connection.driver;
  const schema = metadata.schema ?? (manager.connection.options as { schema?: string }).schema ?? 'public';
  const columns = metadata.columns.filter((c) => !c.isCreateDate && !c.isUpdateDate);
  const values = columns.map((c) => driver.preparePersistentValue(c.getEntityValue(offer) ?? null, c));
  const rows = (await manager.query(
    `INSERT INTO "${schema}"."${metadata.tableName}" (${columns.map((c) => `"${c.databaseName}"`).join(', ')})
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
