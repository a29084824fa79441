import { DEFAULT_RUNNER_OPTIONS } from './consumer-runner';
import { runnerOptionsFor } from './message-consumers';

describe('runnerOptionsFor', () => {
  it('uses the defaults when neither the service nor the registration overrides them', () => {
    expect(runnerOptionsFor({ group: 'intake' })).toEqual(DEFAULT_RUNNER_OPTIONS);
  });

  it("lets the registration's own settings win over the service's overrides", () => {
    const options = runnerOptionsFor(
      { group: 'intake', recordsPerTransaction: 1, partitionsConsumedConcurrently: 2 },
      { recordsPerTransaction: 20, commitIntervalMs: 50 },
    );
    expect(options.recordsPerTransaction).toBe(1);
    expect(options.partitionsConsumedConcurrently).toBe(2);
    expect(options.commitIntervalMs).toBe(50);
    expect(options.sessionTimeout).toBe(DEFAULT_RUNNER_OPTIONS.sessionTimeout);
  });

  it('drops a dead member within 10 s by default, with at least 3 heartbeats per session and room to rejoin', () => {
    const { sessionTimeout, heartbeatInterval, rebalanceTimeout } = DEFAULT_RUNNER_OPTIONS;
    expect(sessionTimeout).toBeLessThanOrEqual(10000);
    expect(sessionTimeout).toBeGreaterThanOrEqual(6000); // the broker's group.min.session.timeout.ms
    expect(sessionTimeout / heartbeatInterval).toBeGreaterThanOrEqual(3);
    expect(rebalanceTimeout).toBeGreaterThanOrEqual(sessionTimeout);
  });

  it('heartbeats an idle member at least 3 times per session: kafkajs beats only between long polls', () => {
    // An idle member's fetch returns after maxWaitTimeInMs and only then may it heartbeat, so the long poll, not
    // heartbeatInterval, sets the idle beat (issue 14: a longer poll would save broker requests but risk the session).
    const { sessionTimeout, heartbeatInterval, maxWaitTimeInMs } = DEFAULT_RUNNER_OPTIONS;
    expect(sessionTimeout / Math.max(heartbeatInterval, maxWaitTimeInMs)).toBeGreaterThanOrEqual(3);
  });

  it('commits handled offsets within a few seconds: what a crash redelivers stays small', () => {
    const { commitIntervalMs, sessionTimeout } = DEFAULT_RUNNER_OPTIONS;
    expect(commitIntervalMs).toBeGreaterThan(0);
    expect(commitIntervalMs).toBeLessThanOrEqual(sessionTimeout / 2);
  });

  it("takes the service's session and heartbeat (KAFKA_SESSION_TIMEOUT_MS, KAFKA_HEARTBEAT_INTERVAL_MS)", () => {
    const options = runnerOptionsFor({ group: 'intake' }, { sessionTimeout: 6000, heartbeatInterval: 2000 });
    const { rebalanceTimeout } = DEFAULT_RUNNER_OPTIONS;
    expect(options).toMatchObject({ sessionTimeout: 6000, heartbeatInterval: 2000, rebalanceTimeout });
  });

  it("keeps the service's override where the registration says nothing", () => {
    expect(runnerOptionsFor({ group: 'feedback' }, { recordsPerTransaction: 20 }).recordsPerTransaction).toBe(20);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %p records per transaction, naming the group', (value) => {
    expect(() => runnerOptionsFor({ group: 'intake', recordsPerTransaction: value })).toThrow(
      /consumer group "intake": recordsPerTransaction must be a positive integer/,
    );
  });
});
