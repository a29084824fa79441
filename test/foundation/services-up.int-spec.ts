import { RunningService, startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag } from '@legal/testing';
import request from 'supertest';
import { ALL_SERVICES } from '../service-definitions';

/** Every service boots on the real PostgreSQL, Redis and Kafka and offers the kit's endpoints. */
describe('all services start with health, docs and metrics', () => {
  const tag = uniqueTag('up');
  const running = new Map<string, RunningService>();

  beforeAll(async () => {
    const auth = await TestAuthority.create();
    for (const service of ALL_SERVICES) {
      running.set(
        service.name,
        await startService(service, isolatedOverrides(tag, service.name.replace('-', '_'), auth.env)),
      );
    }
  }, 180_000);

  function urlOf(name: string): string {
    const service = running.get(name);
    if (!service) throw new Error(`${name} did not start`);
    return service.url;
  }

  afterAll(async () => {
    for (const service of running.values()) await service.stop();
  });

  it.each(ALL_SERVICES.map((s) => [s.name]))(
    '%s: /health/ready reports PostgreSQL, Redis and Kafka up',
    async (name) => {
      const res = await request(urlOf(name)).get('/health/ready');
      expect(res.status).toBe(200);
      for (const component of ['postgres', 'redis', 'kafka']) expect(res.body.details[component].status).toBe('up');
      const live = await request(urlOf(name)).get('/health/live');
      expect(live.body).toEqual({ status: 'ok' });
    },
  );

  it.each(ALL_SERVICES.map((s) => [s.name]))('%s: serves an OpenAPI 3 document and Swagger UI', async (name) => {
    const doc = await request(urlOf(name)).get('/docs-json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(doc.body.paths['/health/ready']).toBeDefined();
    const ui = await request(urlOf(name)).get('/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it.each(ALL_SERVICES.map((s) => [s.name]))(
    '%s: exposes Prometheus metrics with the HTTP duration histogram',
    async (name) => {
      const url = urlOf(name);
      await request(url).get('/health/live');
      const res = await request(url).get('/metrics');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('text/plain');
      expect(res.text).toContain('# TYPE http_request_duration_seconds histogram');
      expect(res.text).toMatch(
        new RegExp(
          `http_request_duration_seconds_count\\{service="${name}",method="GET",route="/health/live",status_code="200"\\} \\d+`,
        ),
      );
    },
  );
});
