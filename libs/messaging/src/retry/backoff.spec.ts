import { backoffDelay, sleep, withTimeout } from './backoff';

describe('exponential backoff', () => {
  const policy = { initialMs: 100, maxMs: 3000, jitter: 0 };

  it('doubles from the initial delay and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n, policy))).toEqual([100, 200, 400, 800, 1600, 3000, 3000]);
  });

  it('spreads delays by the jitter fraction either way, never beyond the cap', () => {
    const jittered = { initialMs: 1000, maxMs: 1100, jitter: 0.2 };
    expect(backoffDelay(1, jittered, () => 0)).toBe(800);
    expect(backoffDelay(1, jittered, () => 0.5)).toBe(1000);
    expect(backoffDelay(1, jittered, () => 0.999)).toBe(1100);
  });

  it('treats attempt numbers below one as the first attempt and honours a custom factor', () => {
    expect(backoffDelay(0, policy)).toBe(100);
    expect(backoffDelay(3, { ...policy, factor: 3 })).toBe(900);
  });

  it('sleep returns early when aborted', async () => {
    const abort = new AbortController();
    const started = Date.now();
    setTimeout(() => abort.abort(), 20);
    await sleep(5000, abort.signal);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('withTimeout rejects slow work and passes fast work through', async () => {
    await expect(withTimeout(new Promise(() => undefined), 20, 'too slow')).rejects.toThrow('too slow');
    await expect(withTimeout(Promise.resolve(7), 1000, 'too slow')).resolves.toBe(7);
  });
});
