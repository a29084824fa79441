import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');

/** Tracked text files (git ls-files), without generated lock files and the committed API documents. */
function trackedTextFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return out
    .split('\0')
    .filter((f) => /\.(md|ts|js|mjs|json|ya?ml|sh|env\.example)$/.test(f) || f.endsWith('.env.example'))
    .filter((f) => f !== 'package-lock.json' && !f.startsWith('docs/openapi/') && existsSync(path.join(root, f)));
}

/**
 * A path that leads out of the repository: the sibling folder of the workspace, or an absolute workspace path.
 * Built from parts so that this spec holds no such path itself and is checked like every other file.
 */
const SIBLING = ['sha', 'red'].join('');
const WORKSPACE = ['', 'work', ''].join('/');
const OUTSIDE = new RegExp(`\\.\\./${SIBLING}\\b|(^|[\\s\`'"(])${WORKSPACE}|(^|[\\s\`'"(])${SIBLING}/docs/`);

/** `SOMETHING.md` named bare in prose or comments: must be a document of the repository. */
const BARE_DOC = /(?<![\w./-])([A-Z][A-Z0-9_-]*\.md)\b/g;

describe('the repository stands alone', () => {
  const files = trackedTextFiles();
  const self = path.relative(root, __filename);

  it('no file points outside the repository (the sibling folder, absolute workspace paths)', () => {
    const offenders = files.flatMap((f) =>
      readFileSync(path.join(root, f), 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${f}:${i + 1}` }))
        .filter(({ line }) => OUTSIDE.test(line))
        .map(({ at, line }) => `${at}: ${line.trim().slice(0, 100)}`),
    );
    expect(offenders).toEqual([]);
  });

  it('every document named bare (DOMAIN.md, STYLE.md, …) exists in docs/ or at the top of the repository', () => {
    const named = new Set<string>();
    for (const f of files.filter((name) => name !== self)) {
      for (const match of readFileSync(path.join(root, f), 'utf8').matchAll(BARE_DOC)) named.add(match[1]!);
    }
    const missing = [...named].filter(
      (doc) => !existsSync(path.join(root, 'docs', doc)) && !existsSync(path.join(root, doc)),
    );
    expect(missing).toEqual([]);
  });

  it('recognises a reference outside the repository', () => {
    expect(OUTSIDE.test(`see ../${SIBLING}/docs/DOMAIN.md`)).toBe(true);
    expect(OUTSIDE.test(`see ${SIBLING}/docs/STYLE.md`)).toBe(true);
    expect(OUTSIDE.test(`open ${WORKSPACE}main`)).toBe(true);
    expect(OUTSIDE.test('see docs/DOMAIN.md')).toBe(false);
  });
});
