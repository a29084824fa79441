import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * An event's payload type has one name: `EventData<typeof X>` from @legal/contracts. This spec fails when a
 * second name for it comes back (a `PayloadOf`/`DataOf`-style alias, or `Static<...>` of a definition's schema).
 */
const root = path.join(__dirname, '..', '..');
const DEFINED_HERE = path.join('libs', 'contracts', 'src', 'event-definition.ts');
const THIS_FILE = path.relative(root, __filename);

const SECOND_NAMES: { what: string; pattern: RegExp }[] = [
  { what: 'an alias of EventData', pattern: /\b(PayloadOf|DataOf|Payload)\s*<\s*typeof\b/ },
  { what: 'an alias of EventData', pattern: /\b(PayloadOf|DataOf)\s*</ },
  {
    what: 'Static<> of an event definition schema',
    pattern: /Static<\s*\(?\s*typeof\s+\w+\s*\)?\s*(\.schema|\[\s*'schema'\s*\])\s*>/,
  },
  { what: 'Static<> of a generic definition schema', pattern: /Static<\s*\w+\s*\[\s*'schema'\s*\]\s*>/ },
  {
    what: 'a type taking an event definition by its schema',
    pattern: /\btype\s+\w+\s*<\s*\w+\s+extends\s+\{\s*schema\s*:/,
  },
];

function typeScriptFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === 'dist' ? [] : typeScriptFiles(relative);
    return entry.name.endsWith('.ts') ? [relative] : [];
  });
}

describe('event payload type', () => {
  it('is named EventData<typeof X> everywhere: no alias and no Static<> of a definition schema', () => {
    const found: string[] = [];
    for (const file of ['libs', 'services', 'test', 'bench'].flatMap(typeScriptFiles)) {
      if (file === DEFINED_HERE || file === THIS_FILE) continue;
      readFileSync(path.join(root, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const hit = SECOND_NAMES.find((n) => n.pattern.test(line));
          if (hit) found.push(`${file}:${i + 1}: ${hit.what}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('recognises each form of a second name (so the scan above can fail)', () => {
    const samples = [
      'type A = PayloadOf<typeof WorkOrderChanged>;',
      'type B = DataOf<typeof IntakeSubmitted>;',
      'type C = Payload<typeof Resolved>;',
      'type D = Static<typeof WorkOrderChanged.schema>;',
      "type E = Static<(typeof DeadlineOverdue)['schema']>;",
      "publish<D extends Def>(definition: D, data: Static<D['schema']>) {}",
      'export type X<D extends { schema: TSchema }> = Static<D>;',
    ];
    for (const sample of samples) expect(SECOND_NAMES.some((n) => n.pattern.test(sample))).toBe(true);
    expect(SECOND_NAMES.some((n) => n.pattern.test('type Ok = EventData<typeof WorkOrderChanged>;'))).toBe(false);
    expect(SECOND_NAMES.some((n) => n.pattern.test('example: Static<S>;'))).toBe(false);
  });
});
