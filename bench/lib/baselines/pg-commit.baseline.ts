import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Summary, summarize } from '../stats';

export interface PgCommitResult {
  samples: number;
  insertCommit: Summary;
  note: string;
}

/**
 * Raw node-postgres single-row INSERT + COMMIT (BEGIN; INSERT; COMMIT), one at a time, on the shared
 * server with its durability settings (synchronous_commit as configured). The row looks like an
 * outbox row (uuid key, ~600-byte jsonb payload, timestamptz).
 */
export async function pgInsertCommit(databaseUrl: string, tag: string, samples = 300): Promise<PgCommitResult> {
  const client = new Client({ connectionString: databaseUrl });
  const schema = `${tag}_baseline`;
  const times: number[] = [];
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(
      `CREATE TABLE "${schema}".bench_row (id uuid PRIMARY KEY, payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`,
    );
    const payload = JSON.stringify({ kind: 'bench', pad: 'x'.repeat(600) });
    for (let i = 0; i < samples + 20; i++) {
      const start = performance.now();
      await client.query('BEGIN');
      await client.query(`INSERT INTO "${schema}".bench_row (id, payload) VALUES ($1, $2)`, [randomUUID(), payload]);
      await client.query('COMMIT');
      if (i >= 20) times.push(performance.now() - start);
    }
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
  return {
    samples: times.length,
    insertCommit: summarize(times),
    note: 'BEGIN; INSERT one row (uuid, 600-byte jsonb); COMMIT — three round trips, one WAL flush',
  };
}
