/**
 * Keys for personal data (see libs/privacy/README.md and the rotation runbook in deploy/README.md).
 *
 *   node -r ./test/swc-register.js libs/privacy/src/pii-keys.cli.ts kek <kid>
 *       a new PII_KEYRING entry (kid:base64 of 32 random bytes): put it FIRST, keep the old ones
 *   node -r ./test/swc-register.js libs/privacy/src/pii-keys.cli.ts transit <kid>
 *       a new X25519 pair: the private entry goes first in the service's PII_TRANSIT_KEYS,
 *       the public entry replaces the service's entry in PII_TRANSIT_DIRECTORY (every service)
 *   node -r ./test/swc-register.js libs/privacy/src/pii-keys.cli.ts public <service>
 *       the directory entry of the current key in PII_TRANSIT_KEYS (from the environment)
 *   node -r ./test/swc-register.js libs/privacy/src/pii-keys.cli.ts compose-env [kid] >> .env
 *       fresh keys for a docker compose deployment: <SERVICE>_PII_KEYRING and <SERVICE>_PII_TRANSIT_KEYS per
 *       service, and the PII_TRANSIT_DIRECTORY of their public keys
 *   DATABASE_URL=... PII_KEYRING=... PII_ENCRYPTION_KEY=... PII_HASH_KEY=... \
 *   node -r ./test/swc-register.js libs/privacy/src/pii-keys.cli.ts reseal <schema> <table.column>[,<table.column>...] [--dry-run] [--batch 500]
 *       re-seals, in small transactions next to the running service, every value not sealed with the
 *       current key (legacy v1 values and older kids); prints a JSON report per column
 * (after `npm run build`: node dist/libs/privacy/src/pii-keys.cli.js ...)
 */
import { Client } from 'pg';
import { REGISTERED_SERVICE_NAMES } from '@legal/contracts';
import { Keyring } from './keyring';
import { PiiProtector } from './pii-protector';
import { clientTransaction, resealColumn } from './reseal';
import { TransitSealer } from './transit-sealer';

/** This command's output (keys, reports) is its product, not a log line: it goes to stdout as is. */
function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** The services of docker-compose.yml, i.e. of the service registry (each reads sealed fields or seals data at rest). */
const COMPOSE_SERVICES: readonly string[] = REGISTERED_SERVICE_NAMES;

async function reseal(args: string[]): Promise<void> {
  const [schema, columns] = args;
  if (!schema || !columns)
    throw new Error('usage: reseal <schema> <table.column>[,<table.column>...] [--dry-run] [--batch N]');
  const dryRun = args.includes('--dry-run');
  const batchAt = args.indexOf('--batch');
  const batchSize = batchAt > 0 ? Number(args[batchAt + 1]) : 500;
  const env = process.env;
  if (!env.PII_KEYRING || !env.PII_HASH_KEY)
    throw new Error('PII_KEYRING and PII_HASH_KEY must be set (the service’s values)');
  const pii = new PiiProtector(env.PII_HASH_KEY, env.PII_ENCRYPTION_KEY || undefined, env.PII_KEYRING);
  const client = new Client({
    connectionString: env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/legal_services',
    application_name: 'pii-reseal',
  });
  await client.connect();
  const transaction = clientTransaction(client);
  try {
    for (const spec of columns.split(',')) {
      const [table, column] = spec.split('.');
      if (!table || !column) throw new Error(`expected table.column, got ${spec}`);
      const report = await resealColumn(transaction, pii, { schema, table, column }, { batchSize, dryRun });
      print(JSON.stringify({ ...report, currentKid: pii.keyring.current.kid, dryRun }));
    }
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  switch (command) {
    case 'kek':
      print(Keyring.generateEntry(args[0] ?? new Date().toISOString().slice(0, 7)));
      return;
    case 'transit': {
      const pair = TransitSealer.generateKeyPair(args[0] ?? new Date().toISOString().slice(0, 7));
      print(JSON.stringify(pair, null, 2));
      return;
    }
    case 'public': {
      if (!args[0] || !process.env.PII_TRANSIT_KEYS) throw new Error('usage: PII_TRANSIT_KEYS=... public <service>');
      print(TransitSealer.fromConfig(args[0], process.env.PII_TRANSIT_KEYS, 'development').currentPublicEntry());
      return;
    }
    case 'compose-env': {
      const kid = args[0] ?? new Date().toISOString().slice(0, 7);
      const directory: Record<string, string> = {};
      for (const service of COMPOSE_SERVICES) {
        const pair = TransitSealer.generateKeyPair(kid);
        const variable = service.toUpperCase().replace(/-/g, '_');
        print(`${variable}_PII_KEYRING=${Keyring.generateEntry(kid)}`);
        print(`${variable}_PII_TRANSIT_KEYS=${pair.privateEntry}`);
        directory[service] = pair.publicEntry;
      }
      print(`PII_TRANSIT_DIRECTORY='${JSON.stringify(directory)}'`);
      return;
    }
    case 'reseal':
      return reseal(args);
    default:
      throw new Error(
        'usage: pii-keys.cli.ts kek <kid> | transit <kid> | public <service> | compose-env [kid] | reseal <schema> <table.column,...> [--dry-run]',
      );
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
});
