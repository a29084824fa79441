/**
 * `npm run deps:check`: what is behind among the dependencies of package.json — current, wanted (newest the range
 * allows), latest — and whether the latest release supports this Node (its `engines.node`). Informational: always
 * exits 0 (CI prints it, .ci/run). Asks the registry through npm itself (`npm outdated`, `npm view`).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

interface Outdated {
  current?: string;
  wanted: string;
  latest: string;
  type?: string;
}

// semver is what npm itself uses (a dependency of the toolchain, not declared here: read-only use).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const semver = require('semver') as {
  satisfies(version: string, range: string): boolean;
  major(version: string): number;
};

const root = path.join(__dirname, '..');

function npm(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('npm', args, { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return { status: run.status, stdout: run.stdout ?? '', stderr: run.stderr ?? run.error?.message ?? '' };
}

function nodeSupport(name: string, version: string): string {
  const view = npm(['view', `${name}@${version}`, 'engines', '--json']);
  if (view.status !== 0) return 'unknown (npm view failed)';
  const engines = view.stdout.trim() === '' ? {} : (JSON.parse(view.stdout) as { node?: string } | string);
  const range = typeof engines === 'object' ? engines.node : undefined;
  if (range === undefined) return 'yes (no engines.node)';
  return `${semver.satisfies(process.versions.node, range) ? 'yes' : 'NO'} (node ${range})`;
}

function main(): void {
  // `npm outdated` exits 1 when something is behind; its JSON is on stdout either way.
  const outdated = npm(['outdated', '--json', '--long']);
  let rows: Record<string, Outdated>;
  try {
    rows = JSON.parse(outdated.stdout.trim() === '' ? '{}' : outdated.stdout) as Record<string, Outdated>;
  } catch {
    process.stdout.write(`deps:check: npm outdated gave no JSON (${outdated.stderr.trim().split('\n')[0] ?? ''})\n`);
    return;
  }
  const names = Object.keys(rows).sort();
  if (names.length === 0) {
    process.stdout.write('deps:check: every dependency is at its latest release\n');
    return;
  }
  const table = names.map((name) => {
    const r = rows[name]!;
    const major = r.current !== undefined && semver.major(r.latest) > semver.major(r.current) ? 'major' : '';
    return [name, r.current ?? '-', r.wanted, r.latest, major, nodeSupport(name, r.latest)];
  });
  const header = ['package', 'current', 'wanted', 'latest', 'behind', `latest on node ${process.versions.node}`];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (row: string[]): string =>
    row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${line(header)}\n${table.map(line).join('\n')}\n`);
  const majors = table.filter((row) => row[4] === 'major').length;
  process.stdout.write(`deps:check: ${names.length} behind, ${majors} by a major version (informational, exit 0)\n`);
}

try {
  main();
} catch (e) {
  process.stdout.write(
    `deps:check failed to run: ${e instanceof Error ? e.message : String(e)} (informational, exit 0)\n`,
  );
}
