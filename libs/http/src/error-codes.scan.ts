import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** A code found in the sources, where, and the status it is thrown with when the source says so. */
export interface CodeUse {
  code: string;
  file: string;
  status?: 'CONFLICT';
}

const CODE = "'([a-z][a-z0-9-]*)'";

/**
 * The places an error code is written in the sources: DomainError/ConflictError constructors and subclasses'
 * super calls, refusals (`refused: '…'`, `{ code: '…', message|detail: … }`) that become DomainErrors, the
 * OAuth helpers' codes, the problem filter's own codes and `(code …)` in route documentation.
 */
const PATTERNS: { regex: RegExp; status?: 'CONFLICT' }[] = [
  { regex: new RegExp(`new DomainError\\(\\s*${CODE}`, 'g') },
  { regex: new RegExp(`new ConflictError\\(\\s*${CODE}`, 'g'), status: 'CONFLICT' },
  { regex: new RegExp(`super\\(\\s*${CODE}\\s*,`, 'g') },
  { regex: new RegExp(`refused: ${CODE}`, 'g') },
  { regex: new RegExp(`\\{\\s*(?:ok: false,\\s*)?code: ${CODE},\\s*(?:message|detail):`, 'g') },
  { regex: new RegExp(`(?:oauthError\\('[a-z_]+',\\s*|invalidGrant\\([^;]*?,\\s*|[(,]\\s*code = )${CODE}`, 'g') },
  { regex: new RegExp(`\\(code ${CODE.slice(1, -1)}\\)`, 'g') },
];

/** Every code use in one source text. */
export function findCodeUses(text: string, file: string): CodeUse[] {
  const uses: CodeUse[] = [];
  for (const { regex, status } of PATTERNS) {
    for (const match of text.matchAll(regex)) uses.push({ code: match[1]!, file, ...(status ? { status } : {}) });
  }
  if (file.endsWith('problem-details.filter.ts')) {
    for (const match of text.matchAll(new RegExp(`code: ${CODE}`, 'g'))) uses.push({ code: match[1]!, file });
  }
  return uses;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec|fault-spec)\.ts$/.test(entry.name) ? [full] : [];
  });
}

/** Every code use in libs/ and services/ (tests excluded: they assert codes, they do not answer them). */
export function scanCodeUses(root: string): CodeUse[] {
  return ['libs', 'services'].flatMap((top) =>
    sourceFiles(path.join(root, top)).flatMap((file) =>
      findCodeUses(readFileSync(file, 'utf8'), path.relative(root, file)),
    ),
  );
}
