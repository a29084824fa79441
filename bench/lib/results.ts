import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MachineInfo, machineLine } from './machine';

export const RESULTS_DIR = path.resolve(__dirname, '..', 'results');

export interface ResultFiles {
  json: string;
  markdown: string;
}

/**
 * Writes `bench/results/<name>.json` (everything measured) and `<name>.md` (the short table), and
 * appends one line to `history.jsonl` so successive runs can be compared without a database.
 */
export function writeResults(
  name: string,
  machine: MachineInfo,
  data: Record<string, unknown>,
  markdownBody: string,
  headline: Record<string, unknown>,
): ResultFiles {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = path.join(RESULTS_DIR, `${name}.json`);
  const markdown = path.join(RESULTS_DIR, `${name}.md`);
  writeFileSync(json, `${JSON.stringify({ benchmark: name, machine, ...data }, replacer, 2)}\n`);
  writeFileSync(markdown, `# ${name}\n\nMachine: ${machineLine(machine)}\n\n${markdownBody.trim()}\n`);
  appendFileSync(
    path.join(RESULTS_DIR, 'history.jsonl'),
    `${JSON.stringify({ benchmark: name, date: machine.date, commit: machine.gitCommit, ...headline }, replacer)}\n`,
  );
  return { json, markdown };
}

/** NaN and Infinity are not JSON: write them as null. */
function replacer(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}
