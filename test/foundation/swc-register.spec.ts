import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** test/swc-register.js runs the TypeScript sources with plain node (bench scripts, CLIs, child services). */
describe('test/swc-register.js', () => {
  function run(script: string): string {
    return execFileSync(process.execPath, ['-r', join(root, 'test', 'swc-register.js'), '-e', script], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
  }

  it('prefers a module .ts file over a .json file of the same name beside it', () => {
    const keys = run(
      "console.log(Object.keys(require('./services/work-order/src/classification/classification-model')).sort().join(','))",
    );
    expect(keys).toBe('DEFAULT_CLASSIFICATION_MODEL,parseClassificationModel');
  });

  it('maps @legal/<lib> to the library sources', () => {
    expect(run("console.log(typeof require('@legal/domain').RegionRegistry)")).toBe('function');
  });
});
