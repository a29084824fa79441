import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_SERVICES } from '../service-definitions';

const root = path.join(__dirname, '..', '..');
const documented = new Set(
  readFileSync(path.join(root, '.env.example'), 'utf8')
    .split('\n')
    .map((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined),
);

describe('.env.example', () => {
  it.each(ALL_SERVICES.map((s) => [s.name, s]))('documents every variable the %s service reads', (_name, service) => {
    const variables = Object.keys(new service.envClass());
    const missing = variables.filter((v) => !documented.has(v));
    expect(missing).toEqual([]);
  });

  it('lists every service folder in the test registry', () => {
    const folders = readdirSync(path.join(root, 'services')).sort();
    expect(ALL_SERVICES.map((s) => s.name).sort()).toEqual(folders);
  });
});
