import { DEFAULT_RUNNER_OPTIONS } from './consumer-runner';
import { runnerOptionsFor } from './message-consumers';

describe('runnerOptionsFor', () => {
  it('uses the defaults when neither the service nor the registration overrides them', () => {
    expect(runnerOptionsFor({ group: 'intake' })).toEqual(DEFAULT_RUNNER_OPTIONS);
  });

  it("lets the registration's own settings win over the service's overrides", () => {
    const options = runnerOptionsFor({ group: 'intake', recordsPerTransaction: 1, partitionsConsumedConcurrently: 2 }, { recordsPerTransaction: 20, commitIntervalMs: 50 });
    expect(options.recordsPerTransaction).toBe(1);
    expect(options.partitionsConsumedConcurrently).toBe(2);
    expect(options.commitIntervalMs).toBe(50);
    expect(options.sessionTimeout).toBe(DEFAULT_RUNNER_OPTIONS.sessionTimeout);
  });

  it("keeps the service's override where the registration says nothing", () => {
    expect(runnerOptionsFor({ group: 'feedback' }, { recordsPerTransaction: 20 }).recordsPerTransaction).toBe(20);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %p records per transaction, naming the group', (value) => {
    expect(() => runnerOptionsFor({ group: 'intake', recordsPerTransaction: value })).toThrow(/consumer group "intake": recordsPerTransaction must be a positive integer/);
  });
});
