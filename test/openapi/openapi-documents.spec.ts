import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REGISTERED_SERVICE_NAMES } from '@legal/contracts';
import { committedOpenApiPath, openApiServices, renderOpenApiDocument } from './openapi-documents';

const root = path.join(__dirname, '..', '..');

interface Finding {
  code: string;
  path: string[];
  severity: number;
}

function spectral(document: unknown): Finding[] {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'spectral-')), 'doc.json');
  writeFileSync(file, JSON.stringify(document));
  const args = ['lint', '-r', '.spectral.yaml', '-f', 'json', '--quiet', file];
  const run = spawnSync(path.join(root, 'node_modules', '.bin', 'spectral'), args, { cwd: root, encoding: 'utf8' });
  return JSON.parse(run.stdout) as Finding[];
}

const base = {
  openapi: '3.0.0',
  info: { title: 'fixture', version: '1.0', description: 'fixture', contact: {} },
  servers: [{ url: '/' }],
  tags: [{ name: 'things' }],
  components: { schemas: { Problem: { type: 'object' } } },
};
const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

describe('OpenAPI documents (docs/openapi)', () => {
  it('cover every service of the registry', () => {
    expect([...openApiServices()].sort()).toEqual([...REGISTERED_SERVICE_NAMES].sort());
  });

  it.each(REGISTERED_SERVICE_NAMES.map((s) => [s]))(
    '%s: committed exactly as generated from the code (run `npm run openapi` after changing a route or DTO)',
    async (service) => {
      expect(readFileSync(committedOpenApiPath(service), 'utf8')).toBe(await renderOpenApiDocument(service));
    },
    30_000,
  );

  it('every 4xx/5xx answer of a generated document is problem+json unless it documents its own body', async () => {
    const document = JSON.parse(await renderOpenApiDocument('centre')) as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
    };
    const errors = Object.values(document.paths)
      .flatMap((item) => Object.values(item))
      .flatMap((op) => Object.entries(op.responses).filter(([status]) => /^[45]/.test(status)));
    expect(errors.length).toBeGreaterThan(0);
    for (const [, response] of errors) {
      expect(Object.keys(response.content ?? {})).toContain('application/problem+json');
    }
  }, 30_000);

  it('the project ruleset refuses missing tags, summary, operationId, parameter type, body schema, error body', () => {
    const findings = spectral({
      ...base,
      paths: {
        '/things': {
          get: {
            parameters: [{ name: 'limit', in: 'query', schema: { default: 20, example: 20 } }],
            responses: {
              '200': { description: 'ok', content: { 'application/json': {} } },
              '404': { description: 'gone' },
            },
          },
        },
      },
    });
    const codes = findings.filter((f) => f.severity === 0).map((f) => f.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'operation-tags',
        'operation-operationId',
        'operation-summary-or-description',
        'response-content-has-schema',
        'error-response-is-problem-json',
        'parameter-has-type',
      ]),
    );
  }, 30_000);

  it('the project ruleset accepts a documented operation and refuses an example its schema does not allow', () => {
    const operation = (example: unknown): unknown => ({
      tags: ['things'],
      operationId: 'listThings',
      summary: 'The things',
      responses: {
        '200': { description: 'ok', content: { 'application/json': { schema: { type: 'string', example } } } },
        '404': { description: 'gone', content: problem },
      },
    });
    expect(spectral({ ...base, paths: { '/things': { get: operation('a thing') } } })).toEqual([]);
    const invalid = spectral({ ...base, paths: { '/things': { get: operation(7) } } });
    expect(invalid.map((f) => [f.code, f.severity])).toEqual([['oas3-valid-schema-example', 0]]);
  }, 30_000);
});
