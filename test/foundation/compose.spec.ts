import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { developmentDefaults } from '@legal/config';
import { HANDLER_SERVICES } from '@legal/contracts';
import { ALL_SERVICES } from '../service-definitions';

interface ComposeService {
  build?: { dockerfile: string; args: Record<string, string> };
  image?: string;
  environment?: Record<string, string>;
  ports?: string[];
  deploy?: { replicas?: number };
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

/**
 * Run twice behind a proxy, so a crash or restart of one instance stalls nothing (issue 19): work-order and every
 * handler service of the registry (a new handler follows the pattern in docker-compose.yml's header).
 */
const REPLICATED = ['work-order', ...HANDLER_SERVICES.map((s) => s.name)];

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
  it.each(ALL_SERVICES.map((s) => [s.name, s]))(
    'runs %s from the shared Dockerfile on its port, health-checked, after healthy infrastructure',
    (name, service) => {
      const entry = compose.services[name];
      expect(entry).toBeDefined();
      const port = String(service.defaults.PORT);
      expect(entry.build).toEqual({ context: '.', dockerfile: 'deploy/Dockerfile', args: { SERVICE: name } });
      // A replicated service's port is published by its proxy (two replicas cannot bind one host port).
      const publisher = REPLICATED.includes(name) ? compose.services[`${name}-lb`] : entry;
      expect(publisher?.ports).toContain(`${port}:${port}`);
      expect(entry.environment?.PORT).toBe(port);
      expect(entry.environment?.DB_SCHEMA).toBe(service.defaults.DB_SCHEMA);
      // An HTTP GET of /health/ready on the service's own port (bash's /dev/tcp: 127.0.0.1/<port>).
      expect(entry.healthcheck?.test.join(' ')).toMatch(new RegExp(`127\\.0\\.0\\.1[:/]${port}\\b.*/health/ready`));
      for (const infra of ['postgres', 'redis', 'kafka'])
        expect(entry.depends_on?.[infra]).toEqual({ condition: 'service_healthy' });
    },
  );

  it.each(ALL_SERVICES.map((s) => [s.name, s]))(
    'runs %s in production and never falls back to a published development secret',
    (name, service) => {
      expect(compose.services[name].environment?.NODE_ENV).toBe('production');
      const published = new service.envClass() as unknown as Record<string, unknown>;
      for (const secret of developmentDefaults(service.envClass)) {
        const value = compose.services[name].environment?.[secret];
        // Either the service gets it from the operator's environment with no default (${VAR:?...}, or a per-service
        // ${<SERVICE>_VAR:?...} such as each service's own Kafka password) or not at all (then the service itself
        // refuses to start in production, naming the variable).
        if (value !== undefined)
          expect(value).toMatch(new RegExp(`^\\$\\{(${name.toUpperCase().replace(/-/g, '_')}_)?${secret}:\\?`));
        // (an empty published default, e.g. KAFKA_SASL_PASSWORD's, derives a development value at run time)
        // A key or password default must not be pasted anywhere; a keyword default such as `development`
        // (derive keys from service names) is covered by the check above.
        const publishedValue = String(published[secret] ?? '');
        if (publishedValue.length >= 16) expect(composeText).not.toContain(publishedValue);
      }
    },
  );

  it('has a service for every folder under services/ and health checks on the infrastructure', () => {
    for (const folder of readdirSync(path.join(root, 'services')))
      expect(Object.keys(compose.services)).toContain(folder);
    for (const infra of ['postgres', 'redis', 'kafka']) expect(compose.services[infra].healthcheck).toBeDefined();
  });

  const twice = 'runs two %s instances behind one published port, their proxy trusted for X-Forwarded-For';
  it.each(REPLICATED.map((name) => [name]))(twice, (name) => {
    const entry = compose.services[name];
    const port = String(ALL_SERVICES.find((s) => s.name === name)?.defaults.PORT);
    expect(entry.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(entry.ports ?? []).toEqual([]);
    expect(entry.environment?.TRUSTED_PROXIES).toBe('uniquelocal');
    const lb = compose.services[`${name}-lb`];
    expect(lb?.image).toMatch(/^nginx:/);
    expect(lb?.environment).toEqual({ UPSTREAM_HOST: name, UPSTREAM_PORT: port });
    expect(lb?.ports).toEqual([`${port}:${port}`]);
    const template = './deploy/compose/lb/service-lb.conf.template:/etc/nginx/templates/default.conf.template:ro';
    expect(lb?.volumes).toContain(template);
  });

  it('spreads each proxy over every replica, re-resolving them, and retries a refused connection elsewhere', () => {
    const template = readFileSync(path.join(root, 'deploy/compose/lb/service-lb.conf.template'), 'utf8');
    expect(template).toContain('server ${UPSTREAM_HOST}:${UPSTREAM_PORT} resolve');
    expect(template).toContain('listen ${UPSTREAM_PORT};');
    expect(template).toMatch(/resolver 127\.0\.0\.11 valid=\d+s/);
    expect(template).toMatch(/proxy_next_upstream error timeout/);
    // The proxy overwrites X-Forwarded-For: the services trust it, so a client's own header must not pass.
    expect(template).toContain('proxy_set_header X-Forwarded-For $remote_addr;');
    // Every template variable is one the proxies set (envsubst leaves nginx's own $variables alone).
    const variables = new Set([...template.matchAll(/\$\{([A-Z_]+)\}/g)].map((m) => m[1]));
    expect([...variables].sort()).toEqual(['UPSTREAM_HOST', 'UPSTREAM_PORT']);
  });

  it('sends the other services to work-order through its proxy, and publishes no port twice', () => {
    expect(compose.services.hotline.environment?.WORK_ORDER_URL).toBe('http://work-order-lb:3000');
    const published = Object.values(compose.services).flatMap((s) => (s.ports ?? []).map((p) => p.split(':')[0]));
    expect(published.length).toBe(new Set(published).size);
  });

  it('only sets variables that .env.example documents', () => {
    const used = Object.values(compose.services).flatMap((s) => (s.build ? Object.keys(s.environment ?? {}) : []));
    expect([...new Set(used)].filter((v) => !documented.has(v))).toEqual([]);
  });
});
