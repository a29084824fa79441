import { Parser } from '@asyncapi/parser';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_EVENTS } from '../registry';
import { renderAsyncApiYaml } from './write-asyncapi.cli';

const committedPath = path.join(__dirname, '..', '..', '..', '..', 'docs', 'asyncapi.yaml');

describe('AsyncAPI document', () => {
  it('is committed exactly as generated from libs/contracts (run `npm run asyncapi` after changing an event)', () => {
    expect(readFileSync(committedPath, 'utf8')).toBe(renderAsyncApiYaml());
  });

  it('is a valid AsyncAPI 3 document that lists every event type', async () => {
    const { document, diagnostics } = await new Parser().parse(readFileSync(committedPath, 'utf8'));
    const errors = diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('.')}: ${d.message}`);
    expect(errors).toEqual([]);
    expect(document).toBeDefined();
    const names =
      document
        ?.allMessages()
        .all()
        .map((m) => m.name()) ?? [];
    for (const event of ALL_EVENTS) expect(names).toContain(event.type);
  }, 30_000);
});
