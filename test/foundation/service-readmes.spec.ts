import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REGISTERED_SERVICE_NAMES } from '@legal/contracts';

const root = path.join(__dirname, '..', '..');
const servicesDir = path.join(root, 'services');

/** What a reader of any service needs, in this order of questions (docs/DEVELOPING.md, "A service's README"). */
export const README_HEADINGS = ['What it does', 'Endpoints', 'Events in', 'Events out', 'Configuration', 'Limits'];

/** The required headings a README lacks (a `## ` heading that starts with the name counts). */
export function missingHeadings(readme: string): string[] {
  const headings = readme
    .split('\n')
    .filter((line) => line.startsWith('## '))
    .map((line) => line.slice(3).trim());
  return README_HEADINGS.filter((wanted) => !headings.some((h) => h.toLowerCase().startsWith(wanted.toLowerCase())));
}

const folders = readdirSync(servicesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe('service READMEs', () => {
  it('every registered service has its folder', () => {
    for (const name of REGISTERED_SERVICE_NAMES) expect(folders).toContain(name);
  });

  it.each(folders.map((f) => [f]))(
    'services/%s has a README with what it does, endpoints, events, configuration, limits',
    (name) => {
      const file = path.join(servicesDir, name, 'README.md');
      expect(existsSync(file) ? 'README.md' : `services/${name}/README.md is missing`).toBe('README.md');
      expect(missingHeadings(readFileSync(file, 'utf8'))).toEqual([]);
    },
  );

  it('names the headings a README lacks', () => {
    expect(missingHeadings('# x\n## What it does\n## Endpoints\n## Events in and out\n## Limits\n')).toEqual([
      'Events out',
      'Configuration',
    ]);
  });
});
