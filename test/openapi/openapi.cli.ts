import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  committedOpenApiPath,
  driftedOpenApiDocuments,
  OPENAPI_DIR,
  openApiServices,
  renderOpenApiDocument,
} from './openapi-documents';

/**
 * `npm run openapi`: writes docs/openapi/<service>.json for every service of the registry.
 * `npm run lint:openapi`: fails when a committed document differs from the code, then runs Spectral
 * (`spectral:oas` and the project rules in .spectral.yaml) over every document: 0 errors and at most
 * MAX_WARNINGS warnings in total.
 */
export const MAX_WARNINGS = 50;

const root = path.join(__dirname, '..', '..');

interface SpectralResult {
  code: string | number;
  message: string;
  path: (string | number)[];
  severity: number;
  source?: string;
}

async function write(): Promise<void> {
  mkdirSync(OPENAPI_DIR, { recursive: true });
  for (const service of openApiServices()) {
    writeFileSync(committedOpenApiPath(service), await renderOpenApiDocument(service));
    process.stdout.write(`wrote ${path.relative(root, committedOpenApiPath(service))}\n`);
  }
}

function spectral(files: string[]): SpectralResult[] {
  const bin = path.join(root, 'node_modules', '.bin', 'spectral');
  const run = spawnSync(bin, ['lint', '--ruleset', '.spectral.yaml', '--format', 'json', '--quiet', ...files], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  const out = run.stdout.trim();
  if (!out.startsWith('[')) throw new Error(`spectral failed (exit ${run.status}): ${run.stderr}${out}`);
  return JSON.parse(out) as SpectralResult[];
}

async function lint(): Promise<number> {
  const drifted = await driftedOpenApiDocuments();
  if (drifted.length > 0) {
    process.stderr.write(`docs/openapi differs from the code for: ${drifted.join(', ')} (run \`npm run openapi\`)\n`);
    return 1;
  }
  const files = openApiServices().map((s) => path.relative(root, committedOpenApiPath(s)));
  const results = spectral(files);
  const severities = ['error', 'warning', 'info', 'hint'];
  for (const r of results) {
    const where = `${path.relative(root, r.source ?? '')} ${r.path.join('.')}`;
    process.stdout.write(`${severities[r.severity] ?? r.severity} ${r.code} ${where}: ${r.message}\n`);
  }
  const errors = results.filter((r) => r.severity === 0).length;
  const warnings = results.filter((r) => r.severity === 1).length;
  const summary = `${files.length} documents, ${errors} errors, ${warnings} warnings (at most ${MAX_WARNINGS})`;
  process.stdout.write(`spectral: ${summary}\n`);
  return errors === 0 && warnings <= MAX_WARNINGS ? 0 : 1;
}

if (require.main === module) {
  const command = process.argv[2];
  const run = command === 'write' ? write().then(() => 0) : command === 'lint' ? lint() : Promise.resolve(64);
  run.then(
    (code) => {
      if (code === 64) process.stderr.write('usage: openapi.cli.ts write|lint\n');
      process.exit(code);
    },
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
