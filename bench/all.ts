// The whole bench suite, one after the other, sized to finish in under 12 minutes on a 2-core
// machine: CPU per intake and idle burn over every process (issue 14), e2e (baselines, stepped rates,
// memory), scale-out, a province's day.
//   npm run build && node -r ./test/swc-register.js bench/all.ts [--runtime=dist|swc] [--build]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Args } from './lib/args';
import { REPO_ROOT } from './lib/launcher';
import { RESULTS_DIR } from './lib/results';

const SUITE: { name: string; script: string; args: string[] }[] = [
  { name: 'cpu', script: 'bench/cpu.ts', args: ['--idle-seconds=60', '--rate=2', '--seconds=20'] },
  { name: 'e2e', script: 'bench/e2e.ts', args: ['--rates=1,2,3,4,6,8,12,20,40', '--step-seconds=15'] },
  { name: 'scale-out', script: 'bench/scale-out.ts', args: ['--rates=8', '--step-seconds=15'] },
  { name: 'province-day', script: 'bench/province-day.ts', args: ['--budget-seconds=100', '--from-hour=9'] },
];

function main(): void {
  const args = new Args();
  const runtime = args.string('runtime', 'dist');
  const started = Date.now();
  if (args.flag('build')) {
    const build = spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`npm run build failed with ${String(build.status)}`);
  }
  const outcomes: { name: string; status: number | null; seconds: number }[] = [];
  for (const step of SUITE) {
    const t0 = Date.now();
    console.log(`\n=== ${step.name} ===`);
    const run = spawnSync(
      process.execPath,
      [
        '-r',
        path.join(REPO_ROOT, 'test', 'swc-register.js'),
        path.join(REPO_ROOT, step.script),
        `--runtime=${runtime}`,
        ...step.args,
      ],
      {
        cwd: REPO_ROOT,
        stdio: 'inherit',
        timeout: 9 * 60 * 1000,
      },
    );
    outcomes.push({ name: step.name, status: run.status, seconds: Math.round((Date.now() - t0) / 1000) });
  }
  const total = Math.round((Date.now() - started) / 1000);
  const sections = SUITE.map((s) => {
    const file = path.join(RESULTS_DIR, `${s.name}.md`);
    return existsSync(file) ? readFileSync(file, 'utf8') : `# ${s.name}\n\n_no result file_\n`;
  });
  const header = `# bench suite\n\n${outcomes.map((o) => `- ${o.name}: exit ${String(o.status)}, ${o.seconds} s`).join('\n')}\n- total: ${total} s\n`;
  writeFileSync(path.join(RESULTS_DIR, 'all.md'), `${header}\n${sections.join('\n\n')}`);
  console.log(`\n${header}\nwritten: ${path.join(RESULTS_DIR, 'all.md')}`);
  if (outcomes.some((o) => o.status !== 0)) process.exit(1);
}

main();
