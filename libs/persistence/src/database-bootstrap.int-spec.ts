import { createServer, Server } from 'node:net';
import { Client } from 'pg';
import { dropSchema, ensureDatabaseAndSchema } from './database-bootstrap';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/legal_services';

describe('ensureDatabaseAndSchema (real PostgreSQL)', () => {
  it('creates the schema, and is safe to run twice', async () => {
    const schema = `t_dbboot_${Date.now().toString(36)}`;
    try {
      await ensureDatabaseAndSchema(DATABASE_URL, schema);
      await ensureDatabaseAndSchema(DATABASE_URL, schema);
      const client = new Client({ connectionString: DATABASE_URL });
      await client.connect();
      const found = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
      await client.end();
      expect(found.rowCount).toBe(1);
    } finally {
      await dropSchema(DATABASE_URL, schema);
    }
  });

  it('retries a refused connection a few times, then fails with the cause', async () => {
    // A port nothing listens on: every attempt is refused, and the start gives up after its pauses (0.5 + 1.5 + 3 s).
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const started = Date.now();
    await expect(ensureDatabaseAndSchema(`postgres://postgres@127.0.0.1:${port}/x`, 'nope')).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(4900);
  }, 30_000);

  it('does not retry what another attempt cannot mend (a bad identifier)', async () => {
    await expect(ensureDatabaseAndSchema(DATABASE_URL, 'Bad-Name')).rejects.toThrow(/unsafe SQL identifier/);
  });
});
