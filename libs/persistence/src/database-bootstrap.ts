import { Client } from 'pg';

/** Connection attempts at start-up, and the pause before each retry: a busy or restarting server gets ~20 s. */
const CONNECT_ATTEMPTS = 4;
const CONNECT_TIMEOUT_MS = 5000;
const RETRY_PAUSES_MS = [500, 1500, 3000];
/** Errors worth another attempt: the server did not answer in time, refused, or is starting or shutting down. */
const TRANSIENT_CONNECT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P03', '53300']);

function isTransientConnectError(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  if (code && TRANSIENT_CONNECT_CODES.has(code)) return true;
  return e instanceof Error && /timeout expired|Connection terminated/i.test(e.message);
}

/** A connected client, retried while PostgreSQL is momentarily unreachable or too slow to answer (a loaded machine). */
async function connectWithRetry(connectionString: string): Promise<Client> {
  for (let attempt = 1; ; attempt++) {
    const client = new Client({ connectionString, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    try {
      await client.connect();
      return client;
    } catch (e) {
      await client.end().catch(() => undefined);
      if (attempt >= CONNECT_ATTEMPTS || !isTransientConnectError(e)) throw e;
      await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSES_MS[attempt - 1] ?? 3000));
    }
  }
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`unsafe SQL identifier: ${name}`);
  return `"${name}"`;
}

/**
 * Creates the database named in the URL (if the server lets us) and the service's schema, so a
 * fresh machine needs no manual SQL. Safe to run from several instances at once. Runs before the pool
 * exists, so it retries a connection that times out or is refused a few times before the start fails.
 */
export async function ensureDatabaseAndSchema(databaseUrl: string, schema: string): Promise<void> {
  const url = new URL(databaseUrl);
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres';
  const maintenance = new URL(databaseUrl);
  maintenance.pathname = '/postgres';
  const admin = await connectWithRetry(maintenance.toString());
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      try {
        await admin.query(`CREATE DATABASE ${quoteIdent(database)}`);
      } catch (e) {
        // Another instance created it between our check and our CREATE: fine.
        if ((e as { code?: string }).code !== '42P04' && (e as { code?: string }).code !== '23505') throw e;
      }
    }
  } finally {
    await admin.end();
  }
  const client = await connectWithRetry(databaseUrl);
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  } catch (e) {
    if ((e as { code?: string }).code !== '23505') throw e;
  } finally {
    await client.end();
  }
}

export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}
