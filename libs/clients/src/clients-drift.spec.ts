import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { SERVICE_REGISTRY } from '@legal/contracts';
import { clientServices, committedClientTypes, GENERATED_DIR } from './generate';

const root = path.join(__dirname, '..', '..', '..');

/** What `npm run clients` would write now, per service (rendered by the CLI in Node, compared here). */
function renderAll(): Record<string, string> {
  const run = spawnSync(
    process.execPath,
    ['-r', './test/swc-register.js', 'libs/clients/src/write-clients.cli.ts', 'render'],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.status !== 0) throw new Error(`write-clients.cli.ts render failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, string>;
}

// Like the OpenAPI and AsyncAPI drift checks: the committed client types are what the committed OpenAPI
// documents make. An API change written to docs/openapi but not to libs/clients fails here (run `npm run clients`).
describe('typed clients are generated from the committed OpenAPI documents', () => {
  let rendered: Record<string, string>;
  beforeAll(() => {
    rendered = renderAll();
  }, 120_000);

  it('has one generated client per service of the registry and no other', () => {
    const files = readdirSync(GENERATED_DIR)
      .filter((f) => f.endsWith('.ts'))
      .sort();
    expect(files).toEqual(SERVICE_REGISTRY.map((e) => `${e.name}.ts`).sort());
    expect(Object.keys(rendered).sort()).toEqual(SERVICE_REGISTRY.map((e) => e.name).sort());
  });

  it.each(clientServices())('the committed client of %s is what `npm run clients` writes', (service) => {
    const now = rendered[service];
    expect(now).toContain('export interface paths');
    expect(committedClientTypes(service) === now).toBe(true);
  });
});
