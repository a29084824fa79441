import type { DataSource, EntityManager } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

/** A statement sent by the counted transaction, labelled with the phase (hop) that sent it. */
export interface CountedStatement {
  phase: string;
  sql: string;
}

/**
 * Counts the statements one transaction sends to PostgreSQL (issue 14): TypeORM's query runner is
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
  const original = PostgresQueryRunner.prototype.query;
  const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query').mockImplementation(function (
    this: PostgresQueryRunner,
    ...args: Parameters<PostgresQueryRunner['query']>
  ) {
    if (this === ours) statements.push({ phase, sql: args[0].replace(/\s+/g, ' ') });
    return original.apply(this, args);
  });
  try {
    const result = await dataSource.transaction((manager) => {
      ours = manager.queryRunner;
      return work(manager, (next) => {
        phase = next;
      });
    });
    return { result, statements };
  } finally {
    spy.mockRestore();
  }
}

/** Statements of one phase, one line each (for the test's output and bench notes). */
export function listing(statements: readonly CountedStatement[], phase?: string): string {
  return statements
    .filter((s) => phase === undefined || s.phase === phase)
    .map((s) => `  [${s.phase}] ${s.sql.slice(0, 110)}`)
    .join('\n');
}
