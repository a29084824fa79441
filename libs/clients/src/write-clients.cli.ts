import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { clientServices, committedClientPath, GENERATED_DIR, renderClientTypes } from './generate';

/**
 * `npm run clients`: writes libs/clients/src/generated/<service>.ts from docs/openapi/<service>.json.
 * `... write-clients.cli.ts render`: prints `{ "<service>": "<types>" }` without writing (the drift spec compares
 * it with the committed files; openapi-typescript is an ES module graph Jest cannot load, Node can).
 */
async function main(mode: string): Promise<void> {
  if (mode === 'render') {
    const rendered: Record<string, string> = {};
    for (const service of clientServices()) rendered[service] = await renderClientTypes(service);
    process.stdout.write(JSON.stringify(rendered));
    return;
  }
  mkdirSync(GENERATED_DIR, { recursive: true });
  for (const service of clientServices()) {
    writeFileSync(committedClientPath(service), await renderClientTypes(service));
    process.stdout.write(`wrote ${path.relative(process.cwd(), committedClientPath(service))}\n`);
  }
}

main(process.argv[2] ?? 'write').catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
