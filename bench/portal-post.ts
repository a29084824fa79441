// CPU per POST /portal/requests (issue 14), the real portal service in this process (express adapter, real
// PostgreSQL, Redis and Kafka, isolated schema and topics): anonymous submissions, each from its own
// X-Forwarded-For address as the e2e bench sends them, --requests of them with --concurrency in flight;
// process CPU (process.cpuUsage) over the burst and until the outbox has published every intake, minus this
// process's idle CPU over as long a wall time. Compare with bench/http-adapter.ts to see the adapter's share.
//   node -r ./test/swc-register.js bench/portal-post.ts [--requests=300] [--concurrency=5]
import { portalService } from '../services/portal/src/portal.definition';
import { dropSchema } from '@legal/persistence';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag } from '@legal/testing';
import { DataSource } from 'typeorm';
import { Args } from './lib/args';
import { log } from './lib/harness';
import { sleep } from './lib/sleep';

function body(i: number): Record<string, unknown> {
  const phone = `139${String(10_000_000 + i).padStart(8, '0')}`;
  return {
    serviceType: 'legal-aid',
    regionCode: '371324101',
    description: `在工地干了半年活，老板拖欠工资三万元不给 #${i}`,
    contact: { name: '张三', phone },
  };
}

async function main(): Promise<void> {
  // As the integration tests run a service in-process (test/setup-env.ts): development secrets, Kafka as admin
  // (the run's own topic prefix is covered by no service ACL).
  process.env.LOG_LEVEL ??= 'warn';
  process.env.NODE_ENV ??= 'test';
  process.env.KAFKA_SASL_USERNAME ??= 'admin';
  process.env.KAFKA_SASL_PASSWORD ??= process.env.KAFKA_ADMIN_PASSWORD ?? 'dev-kafka-admin';
  const args = new Args();
  const requests = args.number('requests', 300);
  const concurrency = args.number('concurrency', 5);
  const auth = await TestAuthority.create();
  const portal = await startService(
    portalService,
    isolatedOverrides(uniqueTag('bpost'), 'portal', { ...auth.env, TRUSTED_PROXIES: 'loopback' }),
  );
  try {
    const db = portal.app.get(DataSource);
    const schema = portal.env.DB_SCHEMA;
    const deadline = Date.now() + 120_000;
    const unsent = async (): Promise<number> => {
      if (Date.now() > deadline) throw new Error('the outbox did not drain within 2 minutes');
      const [row] = (await db.query(
        `SELECT count(*)::int AS n FROM "${schema}".outbox_message WHERE sent_at IS NULL`,
      )) as { n: number }[];
      return row?.n ?? 0;
    };
    const post = async (i: number): Promise<number> => {
      const res = await fetch(`${portal.url}/portal/requests`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        },
        body: JSON.stringify(body(i)),
      });
      await res.arrayBuffer();
      return res.status;
    };
    for (let i = 0; i < 50; i++) {
      const status = await post(1_000_000 + i);
      if (status !== 202) throw new Error(`warm-up POST answered ${status}`);
    }
    while ((await unsent()) > 0) await sleep(100);
    await sleep(2000);
    const idleFrom = performance.now();
    const idleCpu = process.cpuUsage();
    await sleep(5000);
    const idleUsed = process.cpuUsage(idleCpu);
    const idleRate = (idleUsed.user + idleUsed.system) / 1000 / (performance.now() - idleFrom); // ms CPU per ms
    const from = performance.now();
    const cpu = process.cpuUsage();
    let next = 0;
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < requests) statuses.push(await post(next++));
      }),
    );
    const httpWall = performance.now() - from;
    const httpUsed = process.cpuUsage(cpu);
    while ((await unsent()) > 0) await sleep(50);
    const used = process.cpuUsage(cpu);
    const wall = performance.now() - from;
    const ms = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;
    const refused = statuses.filter((s) => s !== 202).length;
    log(
      JSON.stringify({
        requests,
        refused,
        cpuMsPerRequestHttpOnly: Math.round(((ms(httpUsed) - idleRate * httpWall) / requests) * 1000) / 1000,
        cpuMsPerRequestWithRelay: Math.round(((ms(used) - idleRate * wall) / requests) * 1000) / 1000,
        idlePercentOfCore: Math.round(idleRate * 100 * 100) / 100,
        requestsPerSecond: Math.round((requests / httpWall) * 1000),
      }),
    );
  } finally {
    await portal.stop();
    await dropSchema(portal.env.DATABASE_URL, portal.env.DB_SCHEMA);
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
