import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { RunningService, startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag, waitUntil } from '@legal/testing';
import request from 'supertest';
import { hotlineService } from '../../services/hotline/src/hotline.definition';

const kafkaScript = path.join(__dirname, '..', '..', 'deploy', 'local', 'kafka.sh');

/** Stops the real broker: runs in the serial "fault" project, never beside other suites. */
describe('readiness follows the Kafka broker', () => {
  let service: RunningService;

  beforeAll(async () => {
    const auth = await TestAuthority.create();
    service = await startService(hotlineService, isolatedOverrides(uniqueTag('outage'), 'hotline', auth.env));
  }, 60_000);

  afterAll(async () => {
    execFileSync('bash', [kafkaScript, 'start'], { stdio: 'inherit' });
    await service.stop();
  }, 120_000);

  it('answers 503 naming Kafka while the broker is down, and 200 again after it returns, without a restart', async () => {
    expect((await request(service.url).get('/health/ready')).status).toBe(200);
    execFileSync('bash', [kafkaScript, 'stop'], { stdio: 'inherit' });
    const down = await waitUntil(
      async () => {
        const res = await request(service.url).get('/health/ready');
        return res.status === 503 ? res : undefined;
      },
      15_000,
      'readiness to report the broker down',
    );
    expect(down.body.error.kafka.status).toBe('down');
    expect(down.body.details.postgres.status).toBe('up');
    expect(down.body.details.redis.status).toBe('up');
    expect((await request(service.url).get('/health/live')).status).toBe(200);

    execFileSync('bash', [kafkaScript, 'start'], { stdio: 'inherit' });
    const up = await waitUntil(
      async () => {
        const res = await request(service.url).get('/health/ready');
        return res.status === 200 ? res : undefined;
      },
      60_000,
      'readiness to recover',
    );
    expect(up.body.details.kafka.status).toBe('up');
  }, 150_000);
});
