import type { DataSource, EntityManager } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

/** A statement sent by the counted transaction, labelled with the phase (hop) that sent it. */
export interface CountedStatement {
  phase: string;
  sql: string;
}

// How many statements a hot path sends to PostgreSQL (issue 14): round trips are most of a service's CPU, so the
// statement-count specs pin them, and a change that adds one to a hop shows up there. Two views of a transaction:
// countStatements sees what goes through TypeORM's query runner (labelled by phase), sentStatements everything the
// connection's pg client sends, named prepared statements included (libs/messaging's PreparedStatement bypasses
// TypeORM).

/**
 * Counts the statements one transaction sends to PostgreSQL through TypeORM: its query runner is
 * wrapped for the duration of `work`, and only statements of the transaction's own runner are kept
 * (other instances, sweepers and relays share the pool). `mark(phase)` labels what follows, so one
 * transaction can be split into hops (routing, the offer, the report ...).
 */
export async function countStatements<T>(
  dataSource: DataSource,
  work: (manager: EntityManager, mark: (phase: string) => void) => Promise<T>,
): Promise<{ result: T; statements: CountedStatement[] }> {
  const statements: CountedStatement[] = [];
  let phase = 'start';
  let ours: unknown;
  // Wrapped by hand, not with jest.spyOn: this library is also compiled by the production build, without Jest's types.
  const runner = PostgresQueryRunner.prototype;
  const original = runner.query;
  runner.query = function (this: PostgresQueryRunner, ...args: Parameters<PostgresQueryRunner['query']>) {
    if (this === ours) statements.push({ phase, sql: args[0].replace(/\s+/g, ' ') });
    return original.apply(this, args);
  };
  try {
    const result = await dataSource.transaction((manager) => {
      ours = manager.queryRunner;
      return work(manager, (next) => {
        phase = next;
      });
    });
    return { result, statements };
  } finally {
    runner.query = original;
  }
}

/** Statements of one phase, one line each (for the test's output and bench notes). */
export function listing(statements: readonly CountedStatement[], phase?: string): string {
  return statements
    .filter((s) => phase === undefined || s.phase === phase)
    .map((s) => `  [${s.phase}] ${s.sql.slice(0, 110)}`)
    .join('\n');
}

/** A statement as the connection's pg client received it: its first word, and whether it ran as a named prepared one. */
export interface SentStatement {
  verb: string;
  prepared: boolean;
}

/**
 * The statements `work` sends to PostgreSQL in one transaction, as seen by the connection's pg client: TypeORM's
 * queries and named prepared statements alike.
 */
export async function sentStatements<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<{ result: T; statements: SentStatement[] }> {
  return dataSource.transaction(async (manager) => {
    type Query = (...args: unknown[]) => unknown;
    const client = (manager.queryRunner as unknown as { databaseConnection: { query: Query } }).databaseConnection;
    const original = client.query;
    const sent: unknown[] = [];
    client.query = function (this: unknown, ...args: unknown[]) {
      sent.push(args[0]);
      return original.apply(this, args);
    };
    try {
      const result = await work(manager);
      const statements = sent.map((query) => {
        const config = typeof query === 'string' ? { text: query } : (query as { text: string; name?: string });
        return { verb: config.text.trim().split(/\s+/)[0] ?? '', prepared: config.name !== undefined };
      });
      return { result, statements };
    } finally {
      // The client's own method comes from its prototype: drop the wrapper rather than leave a copy behind.
      delete (client as { query?: Query }).query;
      if (client.query !== original) client.query = original;
    }
  });
}
