import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { developmentDefaults } from '@legal/config';
import { ALL_SERVICES } from '../service-definitions';

interface ComposeService {
  build?: { dockerfile: string; args: Record<string, string> };
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

const root = path.join(__dirname, '..', '..');
const composeText = readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');
const compose = parse(composeText, { merge: true }) as { services: Record<string, ComposeService> };
const documented = new Set(
  readFileSync(path.join(root, '.env.example'), 'utf8')
    .split('\n')
    .map((l) => /^([A-Z][A-Z0-9_]*)=/.exec(l)?.[1])
    .filter(Boolean),
);

describe('docker-compose.yml', () => {
  it.each(ALL_SERVICES.map((s) => [s.name, s]))('runs %s from the shared Dockerfile on its port, health-checked, after healthy infrastructure', (name, service) => {
    const entry = compose.services[name];
    expect(entry).toBeDefined();
    const port = String(service.defaults.PORT);
    expect(entry.build).toEqual({ context: '.', dockerfile: 'deploy/Dockerfile', args: { SERVICE: name } });
    expect(entry.ports).toContain(`${port}:${port}`);
    expect(entry.environment?.PORT).toBe(port);
    expect(entry.environment?.DB_SCHEMA).toBe(service.defaults.DB_SCHEMA);
    expect(entry.healthcheck?.test.join(' ')).toContain(`127.0.0.1:${port}/health/ready`);
    for (const infra of ['postgres', 'redis', 'kafka']) expect(entry.depends_on?.[infra]).toEqual({ condition: 'service_healthy' });
  });

  it.each(ALL_SERVICES.map((s) => [s.name, s]))('runs %s in production and never falls back to a published development secret', (name, service) => {
    expect(compose.services[name].environment?.NODE_ENV).toBe('production');
    const published = new service.envClass() as unknown as Record<string, unknown>;
    for (const secret of developmentDefaults(service.envClass)) {
      const value = compose.services[name].environment?.[secret];
      // Either the service gets it from the operator's environment with no default (${VAR:?...}, or a per-service
      // ${<SERVICE>_VAR:?...} such as each service's own Kafka password) or not at all (then the service itself
      // refuses to start in production, naming the variable).
      if (value !== undefined) expect(value).toMatch(new RegExp(`^\\$\\{(${name.toUpperCase().replace(/-/g, '_')}_)?${secret}:\\?`));
      // (an empty published default, e.g. KAFKA_SASL_PASSWORD's, derives a development value at run time)
      // A key or password default must not be pasted anywhere; a keyword default such as `development`
      // (derive keys from service names) is covered by the check above.
      const publishedValue = String(published[secret] ?? '');
      if (publishedValue.length >= 16) expect(composeText).not.toContain(publishedValue);
    }
  });

  it('has a service for every folder under services/ and health checks on the infrastructure', () => {
    for (const folder of readdirSync(path.join(root, 'services'))) expect(Object.keys(compose.services)).toContain(folder);
    for (const infra of ['postgres', 'redis', 'kafka']) expect(compose.services[infra].healthcheck).toBeDefined();
  });

  it('only sets variables that .env.example documents', () => {
    const used = Object.values(compose.services).flatMap((s) => (s.build ? Object.keys(s.environment ?? {}) : []));
    expect([...new Set(used)].filter((v) => !documented.has(v))).toEqual([]);
  });
});
