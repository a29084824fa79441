/**
 * `npm run deps:check`: what is behind among the dependencies of package.json — current, wanted (newest the range
 * allows), latest — and whether the latest release supports this Node (its `engines.node`). Informational: always
 * exits 0 (CI prints it, .ci/run). Asks the registry through npm itself (`npm outdated`, `npm view`).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

/**
 * Dependencies deliberately kept behind their latest major, and why (README, "Dependencies"). Listed here so that
 * `npm run deps:check` tells a pin from a lag; revisit each when its reason goes away.
 */
export const PINNED: Record<string, string> = {
  typescript:
    '6.0: typescript-eslint 8 supports TypeScript < 6.1 and @nestjs/swagger 12 and nx 24 ask for ^5 || ^6; 7.x (the native compiler) waits for them',
  '@types/node':
    '20.x: the types of the Node the services run on (engines >= 20.19); newer ones offer APIs Node 20 lacks',
  'nestjs-pino':
    '4.6 (with an override for its NestJS 12 peer): 5.x wants Node >= 22.12 and keeps one pino-http middleware per process, so services started together in one process (integration tests) log under the first one’s name',
  jose5:
    'jose 5 under another name, only for bench/pii-sealing.ts to compare jose 5 and 6 in one run (the code uses jose 6)',
};

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

function installedVersion(name: string): string {
  try {
    const manifest = readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8');
    return (JSON.parse(manifest) as { version: string }).version;
  } catch {
    return '-';
  }
}

/** The pins, with what is installed and what the registry serves (npm outdated leaves out overridden packages). */
function printPins(): void {
  const rows = Object.entries(PINNED).map(([name, reason]) => {
    const view = npm(['view', name === 'jose5' ? 'jose' : name, 'version']);
    return `${name} ${installedVersion(name)} (latest ${view.status === 0 ? view.stdout.trim() : '?'}): ${reason}`;
  });
  process.stdout.write(`pinned on purpose:\n${rows.map((r) => `  ${r}`).join('\n')}\n`);
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
    printPins();
    return;
  }
  const table = names.map((name) => {
    const r = rows[name]!;
    // An alias is listed as `<alias>:<package>@<range>` (jose5:jose@^5.10.0).
    const [alias, target] = name.includes(':') ? name.split(':') : [name, name];
    const registryName = target!.replace(/(.)@.*$/, '$1');
    const behind = r.current !== undefined && semver.major(r.latest) > semver.major(r.current);
    const major = behind ? (alias! in PINNED ? 'major (pinned)' : 'major') : '';
    return [name, r.current ?? '-', r.wanted, r.latest, major, nodeSupport(registryName, r.latest)];
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
  printPins();
  process.stdout.write(
    `deps:check: ${names.length} behind, ${majors} by a major version without a pin (informational, exit 0)\n`,
  );
}

try {
  main();
} catch (e) {
  process.stdout.write(
    `deps:check failed to run: ${e instanceof Error ? e.message : String(e)} (informational, exit 0)\n`,
  );
}
