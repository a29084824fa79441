import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { generatedFiles } from './generated-files';

/** `npm run registry:write`: regenerates the files derived from the service registry (see generated-files.ts). */
if (require.main === module) {
  const root = path.join(__dirname, '..', '..', '..', '..');
  for (const file of generatedFiles()) {
    writeFileSync(path.join(root, file.path), file.content);
    process.stdout.write(`wrote ${file.path}\n`);
  }
}
