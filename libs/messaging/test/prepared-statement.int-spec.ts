import { QueryFailedError } from 'typeorm';
import type { DataSource } from 'typeorm';
import { PreparedStatement } from '../src/prepared-statement';
import { cleanup, isolation, openDataSource } from './support/messaging-test-kit';

jest.setTimeout(60_000);

const { schema, prefix } = isolation('prepared');

describe('PreparedStatement (real PostgreSQL)', () => {
  let ds: DataSource;

  beforeAll(async () => {
    ds = await openDataSource(schema, `${prefix}-prepared`, 1);
    await ds.query(`CREATE TABLE "${schema}"."thing" (id int PRIMARY KEY, name text NOT NULL)`);
  });

  afterAll(async () => {
    await cleanup(prefix, [schema], [ds]);
  });

  it('is parsed once per connection and reused, inside the caller transaction', async () => {
    const insert = new PreparedStatement<{ id: number }>(
      `INSERT INTO "${schema}"."thing" (id, name) VALUES ($1, $2) RETURNING id`,
    );
    await ds
      .transaction(async (manager) => {
        expect(await insert.runWith(manager, [1, 'a'])).toEqual([{ id: 1 }]);
        expect(await insert.runWith(manager, [2, 'b'])).toEqual([{ id: 2 }]);
        const prepared = (await manager.query(`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name = $1`, [
          insert.name,
        ])) as { n: number }[];
        expect(prepared[0]?.n).toBe(1);
        throw new Error('roll back');
      })
      .catch((e: Error) => expect(e.message).toBe('roll back'));
    expect(await ds.query(`SELECT count(*)::int AS n FROM "${schema}"."thing"`)).toEqual([{ n: 0 }]);
  });

  it("fails like TypeORM's query(): a QueryFailedError carrying the driver's SQLSTATE", async () => {
    const insert = new PreparedStatement(`INSERT INTO "${schema}"."thing" (id, name) VALUES ($1, $2)`);
    const runner = ds.createQueryRunner();
    try {
      await runner.connect();
      await insert.run(runner, [10, 'x']);
      const error = await insert.run(runner, [10, 'y']).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(QueryFailedError);
      expect((error as QueryFailedError).driverError).toMatchObject({ code: '23505' });
    } finally {
      await runner.release();
    }
  });
});
