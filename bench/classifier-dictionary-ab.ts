// Issue 14, work-order's idle RSS: the classifier before and after it stopped loading jieba's dictionary through
// `@node-rs/jieba/dict` (which also reads idf.txt and keeps both files' bytes for the life of the process).
//   node -r ./test/swc-register.js bench/classifier-dictionary-ab.ts --before=<dir of the old classification/>
//        [--phrases=5000]                 compare: every description the repository holds + generated phrases
//   node --expose-gc -r ./test/swc-register.js bench/classifier-dictionary-ab.ts --memory=<dir of classification/>
//                                         memory of one process that built one classifier (run once per tree)
// The comparison needs no database: it runs both classifiers in this process over the same texts and reports
// every text whose words (jieba, search mode: what duplicate detection compares) or classification differ.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Args } from './lib/args';
import { log } from './lib/harness';

interface ClassifierLike {
  words(text: string): string[];
  classify(text: string): unknown;
}
type ClassifierModule = {
  Classifier: new (model: unknown) => ClassifierLike;
};
type ModelModule = { DEFAULT_CLASSIFICATION_MODEL: { userWords: string[]; serviceTypes: Record<string, object> } };

const ROOT = resolve(__dirname, '..');
const HAN = /\p{Script=Han}/u;

function load(dir: string): { classifier: ClassifierLike; model: ModelModule['DEFAULT_CLASSIFICATION_MODEL'] } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Classifier } = require(join(dir, 'classifier')) as ClassifierModule;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { DEFAULT_CLASSIFICATION_MODEL } = require(join(dir, 'classification-model')) as ModelModule;
  return { classifier: new Classifier(DEFAULT_CLASSIFICATION_MODEL), model: DEFAULT_CLASSIFICATION_MODEL };
}

/** Every quoted string (and every line of prose) with a Chinese character in it, from the repository's own files. */
function repositoryTexts(): string[] {
  const texts = new Set<string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      if (['node_modules', 'dist', '.git', '.cache', 'results'].includes(name)) continue;
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else if (/\.(ts|js|json|sql|md|sh|ya?ml|csv|txt)$/.test(name) && stat.size < 2_000_000) {
        const content = readFileSync(path, 'utf8');
        if (!HAN.test(content)) continue;
        for (const m of content.matchAll(/'([^'\n]*)'|"([^"\n]*)"|`([^`]*)`/g)) {
          const s = m[1] ?? m[2] ?? m[3] ?? '';
          if (HAN.test(s)) texts.add(s);
        }
        for (const line of content.split('\n')) if (HAN.test(line)) texts.add(line.trim());
      }
    }
  };
  for (const top of ['services', 'libs', 'test', 'bench', 'deploy', 'docs', 'README.md']) {
    const path = join(ROOT, top);
    try {
      if (statSync(path).isDirectory()) walk(path);
      else texts.add(readFileSync(path, 'utf8'));
    } catch {
      // a folder this checkout does not have
    }
  }
  return [...texts];
}

/** Deterministic phrases: the model's keywords among everyday words, dictionary words, digits and punctuation. */
function generatedPhrases(count: number, keywords: string[]): string[] {
  const dict = readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8')
    .split('\n')
    .map((l) => l.split(' ')[0])
    .filter((w): w is string => !!w);
  let seed = 14;
  const rand = (n: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const glue = [
    '，',
    '。',
    '、',
    '我',
    '的',
    '了',
    '想',
    '请问',
    '怎么办',
    '家里',
    '老板',
    '邻居',
    '去年',
    '3万元',
    'ABC',
    ' ',
    '',
  ];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const parts: string[] = [];
    const n = 2 + rand(8);
    for (let p = 0; p < n; p++) {
      const pick = rand(3);
      parts.push(
        pick === 0
          ? keywords[rand(keywords.length)]!
          : pick === 1
            ? dict[rand(dict.length)]!
            : glue[rand(glue.length)]!,
      );
    }
    out.push(parts.join(''));
  }
  return out;
}

function memory(dir: string): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  const mib = (n: number): number => Math.round((n / 1_048_576) * 10) / 10;
  gc();
  const before = process.memoryUsage();
  const { classifier } = load(resolve(dir));
  classifier.classify('在工地干了半年活，老板拖欠工资三万元不给，我想讨薪');
  gc();
  gc();
  const after = process.memoryUsage();
  console.log(
    JSON.stringify({
      dir,
      rssMiB: mib(after.rss),
      rssAddedMiB: mib(after.rss - before.rss),
      externalMiB: mib(after.external),
      arrayBuffersMiB: mib(after.arrayBuffers),
      heapUsedMiB: mib(after.heapUsed),
    }),
  );
}

function compare(beforeDir: string, phrases: number): void {
  const before = load(resolve(beforeDir));
  const after = load(join(ROOT, 'services/work-order/src/classification'));
  const model = after.model;
  const keywords = [
    ...new Set([...model.userWords, ...Object.values(model.serviceTypes).flatMap((w) => Object.keys(w))]),
  ];
  const repo = repositoryTexts();
  const corpus: [string, string[]][] = [
    ['repository texts (descriptions in specs, seeds, fixtures, docs)', repo],
    [
      'model keywords, alone and in every pair',
      [...keywords, ...keywords.flatMap((a) => keywords.map((b) => `${a}${b}`))],
    ],
    ['generated phrases', generatedPhrases(phrases, keywords)],
  ];
  let differences = 0;
  for (const [name, texts] of corpus) {
    let wordDiffs = 0;
    let classDiffs = 0;
    let classified = 0;
    for (const text of texts) {
      const b = before.classifier.classify(text) as { serviceType?: string };
      const a = after.classifier.classify(text);
      if (b.serviceType) classified += 1;
      if (JSON.stringify(before.classifier.words(text)) !== JSON.stringify(after.classifier.words(text))) {
        wordDiffs += 1;
        if (wordDiffs <= 3) log(`  words differ: ${text.slice(0, 60)}`);
      }
      if (JSON.stringify(b) !== JSON.stringify(a)) {
        classDiffs += 1;
        if (classDiffs <= 3) log(`  classification differs: ${text.slice(0, 60)}`);
      }
    }
    differences += wordDiffs + classDiffs;
    log(
      `${name}: ${texts.length} texts (${classified} with a service type), words differ in ${wordDiffs}, ` +
        `classification (type, ranking, scores, confidence, evidence, tags) differs in ${classDiffs}`,
    );
  }
  if (differences > 0) process.exitCode = 1;
}

const args = new Args();
const memoryDir = args.string('memory', '');
if (memoryDir) memory(memoryDir);
else compare(args.string('before', ''), args.number('phrases', 5000));
