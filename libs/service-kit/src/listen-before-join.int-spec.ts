import { BaseEnv } from '@legal/config';
import { prefixedTopic, WorkOrderChanged } from '@legal/contracts';
import { MessageConsumers } from '@legal/messaging';
import { dropSchema } from '@legal/persistence';
import { isolatedOverrides, uniqueTag } from '@legal/testing';
import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { createServer } from 'node:net';
import { RunningService, startService } from './bootstrap';
import type { ServiceDefinition } from './service-definition';

@Injectable()
class ViewConsumer implements OnModuleInit {
  constructor(private readonly consumers: MessageConsumers) {}

  onModuleInit(): void {
    this.consumers.register({ group: 'view', events: [WorkOrderChanged], handle: async () => undefined });
  }
}

@Module({ providers: [ViewConsumer] })
class ViewModule {}

const viewService: ServiceDefinition<BaseEnv> = {
  name: 'listen-first',
  title: 'Listen first',
  description: 'Test service with one consumer group',
  envClass: BaseEnv,
  defaults: {},
  persistence: { entities: [], migrations: [] },
  rootModule: () => ViewModule,
};

/** A port with nothing behind it: a broker that is not there (yet). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Issue 19: a restarted service process (bootstrapService: consumersJoinWaitMs 0) serves HTTP at once; its
 * consumer groups join in the background and readiness says which ones it still waits for. Before, the kit
 * waited up to 20 s for the groups inside application bootstrap, before `listen`.
 */
describe('a service whose consumer groups cannot join yet', () => {
  const tag = uniqueTag('listenfirst');
  let service: RunningService;
  let startedInMs: number;

  beforeAll(async () => {
    const started = Date.now();
    service = await startService(
      viewService,
      isolatedOverrides(tag, 'view', { KAFKA_BROKERS: `127.0.0.1:${await closedPort()}` }),
      process.env,
      { consumersJoinWaitMs: 0 },
    );
    startedInMs = Date.now() - started;
  }, 60_000);

  afterAll(async () => {
    await service?.stop();
    if (service) await dropSchema(service.env.DATABASE_URL, service.env.DB_SCHEMA);
  }, 90_000);

  it('listens at once and answers HTTP, while readiness names the group it waits for as joining', async () => {
    expect(startedInMs).toBeLessThan(15_000);
    expect((await fetch(`${service.url}/health/live`)).status).toBe(200);
    const ready = await fetch(`${service.url}/health/ready`);
    expect(ready.status).toBe(503);
    type Component = { status: string; groups?: Record<string, string>; message?: string };
    const body = (await ready.json()) as { details: Record<string, Component> };
    const group = prefixedTopic(tag, 'listen-first.view');
    expect(body.details.consumers).toMatchObject({
      status: 'down',
      groups: { [group]: 'joining' },
      message: `joining: ${group}`,
    });
    expect(body.details.postgres?.status).toBe('up');
    expect(body.details.kafka?.status).toBe('down');
  });
});
