import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import * as ts from 'typescript';

/**
 * Parameter lists stay short and say what they mean (STYLE.md: "Methods with six positional parameters
 * or boolean flags: pass a named object"). Over every TypeScript source file of libs/ and services/
 * (specs excluded: *.spec.ts, *.int-spec.ts, *.e2e-spec.ts, *.fault-spec.ts), a function, method,
 * constructor or named arrow function fails when
 *   - it has six or more parameters, or
 *   - it has a boolean parameter (typed `boolean`, or defaulted to `true`/`false`) and any other
 *     parameter: at the call site `f(x, true)` says nothing; `f(x, { strict: true })` does.
 * Not counted:
 *   - constructors of decorated classes (@Injectable, @Controller, ...): NestJS injects those
 *     parameters, nobody writes the call;
 *   - functions written inline as an argument (`rows.map((row, i) => ...)`): their shape is the
 *     called API's, not ours;
 *   - signatures without a body (types, interface members, overloads): the implementation is checked.
 * A destructured object parameter (`{ kind, units }: DeadlineExtension`) is one parameter.
 */

const ROOT = resolve(__dirname, '..');

/**
 * Known offenders still to fix, by `file#name`. Each entry must still be an offender (the last test fails on a
 * stale one): delete it when its function takes a named object.
 */
const ALLOWED: readonly string[] = [
  'libs/messaging/src/consumer/consumer-runner.ts#constructor',
  'libs/messaging/src/consumer/consumer-runner.ts#relaunch',
];

const SPEC = /[.-]spec\.ts$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', '.cache', 'coverage']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (SKIP_DIRS.has(e.name)) return [];
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') && !SPEC.test(e.name) ? [path] : [];
  });
}

export interface Offender {
  /** `path#name`, the key of ALLOWED. */
  key: string;
  where: string;
  why: string;
}

type FunctionWithBody = ts.FunctionLikeDeclaration & { body: ts.Node };

function nameOf(node: ts.FunctionLikeDeclaration): string {
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  if (node.name) return node.name.getText();
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertyAssignment(parent)) {
    return parent.name.getText();
  }
  return '<anonymous>';
}

function isBoolean(p: ts.ParameterDeclaration): boolean {
  if (p.type) return p.type.kind === ts.SyntaxKind.BooleanKeyword;
  const init = p.initializer?.kind;
  return init === ts.SyntaxKind.TrueKeyword || init === ts.SyntaxKind.FalseKeyword;
}

function isInjectedConstructor(node: ts.FunctionLikeDeclaration): boolean {
  return ts.isConstructorDeclaration(node) && (ts.getDecorators(node.parent) ?? []).length > 0;
}

function isInlineCallback(node: ts.FunctionLikeDeclaration): boolean {
  return (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && ts.isCallOrNewExpression(node.parent);
}

/** The offenders of one file's text (path relative to the repository, for messages and ALLOWED). */
export function offendersIn(path: string, text: string): Offender[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: Offender[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
      const fn = node as FunctionWithBody;
      const params = fn.parameters.filter((p) => p.name.getText() !== 'this');
      const flags = params.filter(isBoolean).map((p) => p.name.getText());
      const why: string[] = [];
      if (params.length >= 6 && !isInjectedConstructor(fn)) why.push(`${params.length} parameters`);
      const flagged = flags.length > 0 && params.length > 1;
      if (flagged && !isInjectedConstructor(fn)) why.push(`boolean flag ${flags.join(', ')}`);
      if (why.length > 0 && !isInlineCallback(fn)) {
        const line = source.getLineAndCharacterOfPosition(fn.getStart(source)).line + 1;
        const name = nameOf(fn);
        found.push({ key: `${path}#${name}`, where: `${path}:${line} ${name}`, why: why.join('; ') });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function allOffenders(): Offender[] {
  const files = ['libs', 'services'].flatMap((d) => sourceFiles(join(ROOT, d)));
  return files.flatMap((file) => offendersIn(relative(ROOT, file).split('\\').join('/'), readFileSync(file, 'utf8')));
}

describe('parameter lists', () => {
  const offenders = allOffenders();
  const allowed = (o: Offender): boolean => ALLOWED.includes(o.key);

  it('has no function, method or constructor with six or more parameters or a boolean flag among others', () => {
    expect(offenders.filter((o) => !allowed(o)).map((o) => `${o.where}: ${o.why}`)).toEqual([]);
  });

  it('keeps no stale entry in the allow-list (delete an entry once its function is fixed)', () => {
    expect(ALLOWED.filter((key) => !offenders.some((o) => o.key === key))).toEqual([]);
  });

  it('flags six positional parameters and a boolean flag, and passes their named-object forms', () => {
    const text = [
      'export function six(a: string, b: string, c: string, d: string, e: string, f: string): void {}',
      'export function flag(name: string, strict: boolean): void {}',
      'export const flagged = (name: string, strict = false): void => {};',
      'class Plain { constructor(a: number, b: number, c: number, d: number, e: number, f: number) {} }',
      'export function named(p: { a: string; b: string; c: string; d: string; e: string; f: string }): void {}',
      'export function only(on: boolean): void {}',
      'export function withOptions(name: string, options: { strict: boolean }): void {}',
      '@Injectable() class Injected { constructor(a: A, b: B, c: C, d: D, e: E, f: F) {} }',
      '[1].forEach((value: number, flag: boolean) => {});',
    ].join('\n');
    expect(offendersIn('x.ts', text).map((o) => `${o.key}: ${o.why}`)).toEqual([
      'x.ts#six: 6 parameters',
      'x.ts#flag: boolean flag strict',
      'x.ts#flagged: boolean flag strict',
      'x.ts#constructor: 6 parameters',
    ]);
  });
});
