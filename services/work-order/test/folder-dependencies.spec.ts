import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import * as ts from 'typescript';

/**
 * Arrows between the feature folders of services/work-order/src point one way. A folder is a first-level
 * directory of src (work-orders, work-order-queries, sla, ...); files directly in src (module, definition,
 * entity list, main) are the composition root and may import anything. Tests (*.spec.ts, *.int-spec.ts ...)
 * are left out: they drive the service from outside and may reach into any folder.
 *
 * `work-orders/` is the work order's core (aggregate, lifecycle, locks, the recorder and the event it
 * emits, its timeline chain); it needs nothing but common/. The read side (`work-order-queries/`) and every
 * other feature depend on the core. When the core needs something of a feature it declares a port
 * (work-orders/work-order-ports.ts) that the feature implements.
 */

const SRC = resolve(__dirname, '../src');
const CORE = 'work-orders';
const CORE_MAY_IMPORT: readonly string[] = ['common'];

type Graph = Map<string, Map<string, string[]>>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !/[.-]spec\.ts$/.test(e.name) ? [path] : [];
  });
}

function folderOf(path: string): string | undefined {
  const parts = relative(SRC, path).split(sep);
  return parts.length > 1 && parts[0] !== '..' ? parts[0] : undefined;
}

/** Folder → folder → the imports (file → specifier) that make the arrow, from every relative import or re-export. */
export function folderGraph(): Graph {
  const graph: Graph = new Map();
  for (const file of sourceFiles(SRC)) {
    const from = folderOf(file);
    if (!from) continue;
    const arrows = graph.get(from) ?? new Map<string, string[]>();
    graph.set(from, arrows);
    for (const ref of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!ref.fileName.startsWith('.')) continue;
      const to = folderOf(resolve(dirname(file), ref.fileName));
      if (!to || to === from) continue;
      arrows.set(to, [...(arrows.get(to) ?? []), `${relative(SRC, file)} -> ${ref.fileName}`]);
    }
  }
  return graph;
}

/** Strongly connected components with more than one folder (Tarjan): each is a cycle to break. */
export function cycles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) found.push(component.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}

function explain(graph: Graph, component: readonly string[]): string {
  const inside = new Set(component);
  const lines = component.flatMap((from) =>
    [...(graph.get(from) ?? new Map<string, string[]>())]
      .filter(([to]) => inside.has(to))
      .map(([to, via]) => `  ${from} -> ${to}: ${via.join(', ')}`),
  );
  return `cycle between ${component.join(', ')}\n${lines.join('\n')}`;
}

describe('work-order feature folders', () => {
  const graph = folderGraph();

  it('reads the imports of the real source tree (the core and its read side are both there)', () => {
    expect(graph.has(CORE)).toBe(true);
    expect(graph.get('work-order-queries')?.has(CORE)).toBe(true);
  });

  it('has no import cycle between feature folders, long or short', () => {
    expect(cycles(graph).map((c) => explain(graph, c))).toEqual([]);
  });

  it('keeps the work order core free of its read side and of every other feature', () => {
    const outside = [...(graph.get(CORE)?.entries() ?? [])].filter(([to]) => !CORE_MAY_IMPORT.includes(to));
    expect(outside.map(([to, via]) => `${CORE} -> ${to}: ${via.join(', ')}`)).toEqual([]);
  });

  it('finds a cycle when two folders import each other, and one through three folders', () => {
    const arrow = (pairs: Array<[string, string]>): Graph =>
      new Map(
        [...new Set(pairs.flat())].map((f) => [f, new Map(pairs.filter(([a]) => a === f).map(([, b]) => [b, ['x']]))]),
      );
    expect(
      cycles(
        arrow([
          ['a', 'b'],
          ['b', 'a'],
          ['b', 'c'],
        ]),
      ),
    ).toEqual([['a', 'b']]);
    expect(
      cycles(
        arrow([
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'a'],
          ['d', 'a'],
        ]),
      ),
    ).toEqual([['a', 'b', 'c']]);
    expect(
      cycles(
        arrow([
          ['a', 'b'],
          ['b', 'c'],
          ['a', 'c'],
        ]),
      ),
    ).toEqual([]);
  });
});
