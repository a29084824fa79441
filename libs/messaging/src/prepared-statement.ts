import { createHash } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import type { EntityManager, QueryRunner } from 'typeorm';

/** The part of node-postgres's client a prepared statement needs. */
interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/** The pg client a connected TypeORM query runner holds (PostgresQueryRunner.databaseConnection), if any. */
function pgClientOf(queryRunner: QueryRunner | undefined): PgClient | undefined {
  if (!queryRunner || queryRunner.isReleased) return undefined;
  // TypeORM types databaseConnection as any; on PostgreSQL it is the pool's pg Client once connected.
  const client = (queryRunner as unknown as { databaseConnection?: Partial<PgClient> }).databaseConnection;
  return typeof client?.query === 'function' ? (client as PgClient) : undefined;
}

/**
 * A hot statement (the messaging layer's inbox insert; the platforms' read-model apply and intake outcome) run as a
 * named prepared statement on the query runner's own pg
 * connection: PostgreSQL parses and plans it once per connection instead of once per call, and TypeORM's
 * query path is skipped. The name is derived from the text (which holds the schema), so two data sources in
 * one process never share a name for different texts. Errors are TypeORM's QueryFailedError, as through
 * `query()`. Without a connected runner (a write outside a transaction) it falls back to `query()`.
 */
export class PreparedStatement<Row> {
  readonly name: string;

  constructor(readonly text: string) {
    this.name = `legal_msg_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
  }

  async run(queryRunner: QueryRunner, values: unknown[]): Promise<Row[]> {
    const client = pgClientOf(queryRunner);
    if (!client) return ((await queryRunner.query(this.text, values, true)) as { records: Row[] }).records;
    try {
      return (await client.query({ name: this.name, text: this.text, values })).rows as Row[];
    } catch (e) {
      throw e instanceof Error && !(e instanceof QueryFailedError) ? new QueryFailedError(this.text, values, e) : e;
    }
  }

  /** Through the manager's transaction when it has one, else as a plain query. */
  async runWith(manager: EntityManager, values: unknown[]): Promise<Row[]> {
    const queryRunner = manager.queryRunner;
    if (queryRunner && pgClientOf(queryRunner)) return this.run(queryRunner, values);
    const result: unknown = await manager.query(this.text, values);
    // TypeORM answers `[rows, affected]` for an UPDATE or DELETE (with RETURNING too) and plain rows otherwise.
    if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
      return result[0] as Row[];
    return result as Row[];
  }
}
