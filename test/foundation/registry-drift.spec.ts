import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROLES } from '@legal/auth';
import { HANDLER_SERVICES, HANDLERS, REGISTERED_SERVICE_NAMES, SERVICE_REGISTRY } from '@legal/contracts';
import { KAFKA_SERVICE_PRINCIPALS } from '@legal/messaging';
import { expectedContent, generatedFiles } from '../../libs/contracts/src/registry/generated-files';
import {
  HANDLER_SERVICES as BENCH_HANDLERS,
  PLATFORMS as BENCH_PLATFORMS,
  SERVICE_NAMES as BENCH_SERVICES,
} from '../../bench/lib/services';
import { DEV_STAFF } from '../../services/identity/src/seed/dev-accounts';
import { DEFAULT_ROUTING_RULES } from '../../services/work-order/src/routing/default-routing-rules';
import { KIND_PROFILES } from '../../services/work-order/src/organisations/organisation-catalogue';
import { SECURITY_TESTED_SERVICES } from '../security/support/all-services';
import { ALL_SERVICES } from '../service-definitions';

/**
 * The service registry (libs/contracts/src/registry/service-registry.ts) is the one list of services. This spec
 * fails when a copy that cannot import it disagrees: the generated files (`npm run registry:write` rewrites
 * them), docker-compose.yml, the shell scripts' lists, the service folders and their definitions, the test
 * and bench lists, and what work-order and identity derive from it.
 */
const root = path.join(__dirname, '..', '..');
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');
const names = SERVICE_REGISTRY.map((s) => s.name);
const namePorts = SERVICE_REGISTRY.map((s) => `${s.name}:${s.port}`);
const envName = (service: string): string => service.toUpperCase().replace(/-/g, '_');

interface ComposeService {
  build?: { args?: Record<string, string> };
  environment?: Record<string, string>;
  ports?: string[];
  deploy?: { replicas?: number };
}
const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, ComposeService> };

/** Runs the one line of a shell script that defines `variable` and prints the array it defines. */
function shellArray(script: string, variable: string, rootVariable: string): string[] {
  const line = read(script)
    .split('\n')
    .find((l) => new RegExp(`^(read -r -a ${variable} |${variable}=)`).test(l));
  if (!line) throw new Error(`${script} defines no ${variable}`);
  const program = `set -euo pipefail; ${rootVariable}="$1"; ${line}; printf '%s\\n' "\${${variable}[@]}"`;
  const out = execFileSync('bash', ['-c', program, 'x', root], { encoding: 'utf8' });
  return out.split('\n').filter(Boolean);
}

describe('service registry: no copy drifts', () => {
  const generated = generatedFiles().map((f) => [f.path, f] as const);

  it.each(generated)('%s is as `npm run registry:write` writes it', (file, generator) => {
    const current = existsSync(path.join(root, file)) ? read(file) : '';
    expect(current).toBe(expectedContent(generator, current));
  });

  it('has a folder with a definition for every registered service, and nothing else under services/', () => {
    const folders = readdirSync(path.join(root, 'services'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect([...folders].sort()).toEqual([...names].sort());
    for (const name of names) {
      expect(existsSync(path.join(root, 'services', name, 'src', `${name}.definition.ts`))).toBe(true);
    }
  });

  const entries = SERVICE_REGISTRY.map((s) => [s.name, s] as const);

  it.each(entries)('%s: its definition defaults to the registry port and schema', (name, entry) => {
    const definition = ALL_SERVICES.find((d) => d.name === name);
    expect(definition?.defaults).toMatchObject({ PORT: entry.port, DB_SCHEMA: entry.schema });
  });

  it.each(entries)('%s: docker-compose.yml runs it on its port and schema with its own Kafka user', (name, entry) => {
    const block = compose.services[name];
    expect(block).toBeDefined();
    expect(block.build?.args?.SERVICE).toBe(name);
    expect(block.environment?.PORT).toBe(String(entry.port));
    expect(block.environment?.DB_SCHEMA).toBe(entry.schema);
    expect(block.environment?.KAFKA_SASL_USERNAME).toBe(name);
    const password = new RegExp(`^\\$\\{${envName(name)}_KAFKA_SASL_PASSWORD:\\?`);
    expect(block.environment?.KAFKA_SASL_PASSWORD).toMatch(password);
    // Core and handler services run replicated behind `<name>-lb`, which publishes the port.
    const replicated = entry.kind === 'core' || entry.kind === 'handler';
    const publisher = replicated ? compose.services[`${name}-lb`] : block;
    if (replicated) expect(block.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(publisher?.ports).toContain(`${entry.port}:${entry.port}`);
  });

  it('docker-compose.yml runs no service outside the registry and creates a Kafka user for each one', () => {
    const apps = Object.entries(compose.services)
      .filter(([, s]) => s.environment?.DB_SCHEMA !== undefined)
      .map(([name]) => name);
    expect(apps.sort()).toEqual([...names].sort());
    const userVariables = Object.keys(compose.services['kafka-users']?.environment ?? {});
    const passwords = userVariables.filter((v) => v.endsWith('_KAFKA_SASL_PASSWORD'));
    expect(passwords.sort()).toEqual(names.map((n) => `${envName(n)}_KAFKA_SASL_PASSWORD`).sort());
  });

  it('services.sh starts, and kafka.sh creates principals for, exactly the registry services', () => {
    expect(shellArray('deploy/local/services.sh', 'SERVICES', 'ROOT')).toEqual(namePorts);
    expect(shellArray('deploy/local/kafka.sh', 'SERVICE_PRINCIPALS', 'REPO_ROOT')).toEqual(names);
  });

  it('the test and bench lists and the Kafka principals are the registry services', () => {
    expect(ALL_SERVICES.map((s) => s.name)).toEqual(names);
    expect(SECURITY_TESTED_SERVICES.map((s) => s.name).sort()).toEqual([...names].sort());
    expect([...BENCH_SERVICES]).toEqual(names);
    expect([...BENCH_HANDLERS]).toEqual(HANDLER_SERVICES.map((s) => s.name));
    const platforms = SERVICE_REGISTRY.filter((s) => s.kind === 'platform').map((s) => s.name);
    expect([...BENCH_PLATFORMS]).toEqual(platforms);
    expect([...KAFKA_SERVICE_PRINCIPALS]).toEqual([...REGISTERED_SERVICE_NAMES]);
  });

  const handlers = HANDLER_SERVICES.map((s) => [s.name, s.handler] as const);

  it.each(handlers)('%s: routed, seeded, staffed and on the wire as its registry entry says', (name, handler) => {
    expect(HANDLERS).toContain(handler.code);
    expect(KIND_PROFILES[handler.organisation.kind as keyof typeof KIND_PROFILES]).toMatchObject({
      handler: handler.code,
      serviceTypes: [...handler.serviceTypes],
      idSuffix: handler.organisation.idSuffix,
    });
    const rule = DEFAULT_ROUTING_RULES.find((r) => r.ruleKey === `handler.${handler.code}`);
    const params = { serviceTypes: [...handler.serviceTypes], organisationKinds: [handler.organisation.kind] };
    expect(rule?.params).toEqual(params);
    expect(ROLES).toContain(handler.staffRole);
    const devStaff = { username: handler.devStaff.username, roles: [handler.staffRole] };
    expect(DEV_STAFF).toContainEqual(expect.objectContaining(devStaff));
    expect(name).toBe(handler.code);
  });
});
