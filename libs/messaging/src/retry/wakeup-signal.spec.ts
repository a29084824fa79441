import { WakeupSignal } from './wakeup-signal';

describe('WakeupSignal', () => {
  it('keeps a notification that arrives before the wait', async () => {
    const signal = new WakeupSignal();
    signal.notify();
    signal.notify();
    await expect(signal.wait(1000)).resolves.toBe('notified');
    await expect(signal.wait(10)).resolves.toBe('timeout');
  });

  it('wakes a waiting loop, times out, and gives way to an abort', async () => {
    const signal = new WakeupSignal();
    const waiting = signal.wait(5000);
    signal.notify();
    await expect(waiting).resolves.toBe('notified');
    const abort = new AbortController();
    const aborted = signal.wait(5000, abort.signal);
    abort.abort();
    await expect(aborted).resolves.toBe('aborted');
  });
});
