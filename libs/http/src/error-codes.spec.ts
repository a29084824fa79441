import { HttpStatus } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ERROR_CODES, isErrorCode } from './error-codes';
import { findCodeUses, scanCodeUses } from './error-codes.scan';
import { renderErrorCodesMarkdown } from './write-error-codes.cli';

const root = path.join(__dirname, '..', '..', '..');

describe('error code registry', () => {
  const uses = scanCodeUses(root);

  it('finds the codes the services answer with (the scan sees them)', () => {
    const codes = new Set(uses.map((u) => u.code));
    const expected = ['out-of-jurisdiction', 'validation-failed', 'illegal-transition', 'no-capacity'];
    for (const code of expected) expect(codes).toContain(code);
  });

  it('lists every code a DomainError, ConflictError, refusal or route description uses', () => {
    const unknown = uses.filter((u) => !isErrorCode(u.code)).map((u) => `${u.code} (${u.file})`);
    expect(unknown).toEqual([]);
  });

  it('answers a code thrown as ConflictError with the status the registry gives it (409)', () => {
    const wrong = uses
      .filter((u) => u.status === 'CONFLICT')
      .filter((u) => isErrorCode(u.code) && ERROR_CODES[u.code].status !== HttpStatus.CONFLICT)
      .map((u) => `${u.code} (${u.file})`);
    expect(wrong).toEqual([]);
  });

  it('refuses a code that is not registered', () => {
    const found = findCodeUses("throw new DomainError('outside-jurisdiction', 'no', HttpStatus.FORBIDDEN);", 'x.ts');
    expect(found.map((u) => u.code)).toEqual(['outside-jurisdiction']);
    expect(isErrorCode('outside-jurisdiction')).toBe(false);
    expect(isErrorCode('out-of-jurisdiction')).toBe(true);
  });

  it('gives every code an error status and a meaning', () => {
    for (const [code, entry] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(entry.status).toBeGreaterThanOrEqual(400);
      expect(entry.status).toBeLessThan(600);
      expect(entry.meaning.length).toBeGreaterThan(5);
    }
  });

  it('docs/error-codes.md is generated from the registry (run `npm run error-codes`)', () => {
    expect(readFileSync(path.join(root, 'docs', 'error-codes.md'), 'utf8')).toBe(renderErrorCodesMarkdown());
  });
});
