import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { developmentDefaults } from '@legal/config';
import { ALL_SERVICES } from '../service-definitions';

const root = path.join(__dirname, '..', '..');
const lines = readFileSync(path.join(root, '.env.example'), 'utf8').split('\n');
const documented = new Set(
  lines.map((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1]).filter((name): name is string => name !== undefined),
);

describe('.env.example', () => {
  it.each(ALL_SERVICES.map((s) => [s.name, s]))('documents every variable the %s service reads', (_name, service) => {
    const variables = Object.keys(new service.envClass());
    const missing = variables.filter((v) => !documented.has(v));
    expect(missing).toEqual([]);
  });

  it.each(ALL_SERVICES.map((s) => [s.name, s]))(
    'marks every secret of the %s service that production must replace',
    (_name, service) => {
      const unmarked = developmentDefaults(service.envClass).filter((name) => {
        const at = lines.findIndex((line) => line.startsWith(`${name}=`));
        return at < 1 || !lines[at - 1].includes('production: required');
      });
      expect(unmarked).toEqual([]);
    },
  );

  it('lists every service folder in the test registry', () => {
    const folders = readdirSync(path.join(root, 'services')).sort();
    expect(ALL_SERVICES.map((s) => s.name).sort()).toEqual(folders);
  });
});
