import type { PiiProtector } from './pii-protector';

/** Runs one SQL statement (node-postgres style) inside the caller's transaction. */
export type Sql = (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

export interface ResealTarget {
  schema: string;
  table: string;
  column: string;
}

export interface ResealReport {
  target: string;
  resealed: number;
  failed: number;
  /** The first few failures (row ctid and reason, never the value). */
  failures: string[];
}

/** What `resealColumn` needs of a connection: node-postgres's `Client` has it. */
export interface QueryClient {
  query(text: string, params?: unknown[]): Promise<unknown>;
}

/** One transaction per call on a single connection (the re-sealer's batches, one at a time). */
export function clientTransaction(client: QueryClient): <T>(work: (sql: Sql) => Promise<T>) => Promise<T> {
  const sql: Sql = (text, params) => client.query(text, params) as Promise<{ rows: Record<string, unknown>[] }>;
  return async (work) => {
    await client.query('BEGIN');
    try {
      const result = await work(sql);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  };
}

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Re-seals, in the background and in small transactions, every value of one column that is not
 * sealed with the current key (legacy `v1.` values and values of older kids), so an old key can be
 * retired later. Rows are locked with SKIP LOCKED, so the service keeps running; a value that cannot
 * be opened is left as it is and reported. `transaction` runs its callback in one transaction.
 */
export async function resealColumn(
  transaction: <T>(work: (sql: Sql) => Promise<T>) => Promise<T>,
  pii: PiiProtector,
  target: ResealTarget,
  options: { batchSize?: number; dryRun?: boolean } = {},
): Promise<ResealReport> {
  for (const name of [target.schema, target.table, target.column])
    if (!IDENT.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  const qualified = `"${target.schema}"."${target.table}"`;
  const column = `"${target.column}"`;
  const prefix = pii.keyring.currentPrefix();
  const batch = options.batchSize ?? 500;
  const report: ResealReport = {
    target: `${target.schema}.${target.table}.${target.column}`,
    resealed: 0,
    failed: 0,
    failures: [],
  };
  const skip: string[] = [];
  for (;;) {
    const done = await transaction(async (sql) => {
      const { rows } = await sql(
        `SELECT ctid::text AS id, ${column} AS value FROM ${qualified}
          WHERE ${column} IS NOT NULL AND left(${column}, ${prefix.length}) <> $1 AND NOT (ctid = ANY($2::tid[]))
          LIMIT ${batch} FOR UPDATE SKIP LOCKED`,
        [prefix, skip],
      );
      for (const row of rows) {
        const id = String(row.id);
        let failed = false;
        try {
          const resealed = pii.reseal(String(row.value));
          if (!options.dryRun) await sql(`UPDATE ${qualified} SET ${column} = $1 WHERE ctid = $2::tid`, [resealed, id]);
          report.resealed++;
        } catch (e) {
          failed = true;
          report.failed++;
          if (report.failures.length < 10) report.failures.push(`${id}: ${(e as Error).message}`);
        }
        // a dry run, or a failure, leaves the row as it is: do not select it again
        if (options.dryRun || failed) skip.push(id);
      }
      return rows.length < batch;
    });
    if (done) return report;
  }
}
