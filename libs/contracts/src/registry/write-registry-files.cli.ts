import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expectedContent, generatedFiles } from './generated-files';

/** `npm run registry:write`: regenerates the files derived from the service registry (see generated-files.ts). */
if (require.main === module) {
  const root = path.join(__dirname, '..', '..', '..', '..');
  for (const file of generatedFiles()) {
    const target = path.join(root, file.path);
    const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
    const next = expectedContent(file, current);
    if (next === current) continue;
    writeFileSync(target, next);
    process.stdout.write(`wrote ${file.path}\n`);
  }
}
