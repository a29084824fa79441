import { Client } from 'pg';
import { randomBytes, randomUUID } from 'node:crypto';
import { Keyring, PiiProtector } from '@legal/privacy';
import { clientTransaction, resealColumn } from '../src/reseal';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/legal_services';
const schema = `pii_reseal_${randomUUID().slice(0, 8)}`;
const LEGACY = '11'.repeat(32);

describe('re-sealing history after a key rotation (real PostgreSQL)', () => {
  const client = new Client({ connectionString: DATABASE_URL });
  const transaction = clientTransaction(client);

  beforeAll(async () => {
    await client.connect();
    await client.query(`CREATE SCHEMA "${schema}"`);
    await client.query(`CREATE TABLE "${schema}"."person" (id serial PRIMARY KEY, phone_sealed text)`);
  });

  afterAll(async () => {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  it('moves legacy and old-kid values to the current key in batches, leaves current ones and reports what it cannot open', async () => {
    const old = Keyring.generateEntry('2026-11');
    const current = Keyring.generateEntry('2026-12');
    const before = new PiiProtector('hash-key-of-enough-length', LEGACY, old);
    const values: (string | null)[] = [];
    for (let i = 0; i < 7; i++) values.push(before.encrypt(`1381234${String(5000 + i)}`));
    values.push(PiiProtector.legacyEncrypt('13900001111', LEGACY, randomBytes(12)));
    values.push(null);
    const foreign = new PiiProtector('hash-key-of-enough-length', undefined, Keyring.generateEntry('lost')).encrypt(
      '13700000000',
    );
    values.push(foreign);
    const after = new PiiProtector('hash-key-of-enough-length', LEGACY, `${current},${old}`);
    const alreadyCurrent = after.encrypt('13600000000');
    values.push(alreadyCurrent);
    for (const v of values) await client.query(`INSERT INTO "${schema}"."person" (phone_sealed) VALUES ($1)`, [v]);

    const dry = await resealColumn(
      transaction,
      after,
      { schema, table: 'person', column: 'phone_sealed' },
      { batchSize: 3, dryRun: true },
    );
    expect(dry).toMatchObject({ resealed: 8, failed: 1 });
    const report = await resealColumn(
      transaction,
      after,
      { schema, table: 'person', column: 'phone_sealed' },
      { batchSize: 3 },
    );
    expect(report).toMatchObject({ resealed: 8, failed: 1 });
    expect(report.failures[0]).toMatch(/no key-encryption key for kid lost/);

    const { rows } = (await client.query(`SELECT phone_sealed FROM "${schema}"."person" ORDER BY id`)) as {
      rows: { phone_sealed: string | null }[];
    };
    const retired = new PiiProtector('hash-key-of-enough-length', undefined, current); // the old key and the legacy key are gone
    expect(rows.slice(0, 8).map((r) => retired.decrypt(r.phone_sealed!))).toEqual([
      ...[0, 1, 2, 3, 4, 5, 6].map((i) => `1381234${5000 + i}`),
      '13900001111',
    ]);
    expect(rows[8]?.phone_sealed).toBeNull();
    expect(rows[9]?.phone_sealed).toBe(foreign);
    expect(rows[10]?.phone_sealed).toBe(alreadyCurrent);
  });
});
