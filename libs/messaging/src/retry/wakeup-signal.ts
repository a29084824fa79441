/**
 * A level-triggered wake-up: `notify()` before `wait()` is not lost (the next wait returns at once),
 * several notifications collapse into one.
 */
export class WakeupSignal {
  private pending = false;
  private waiter: (() => void) | undefined;

  notify(): void {
    this.pending = true;
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.();
  }

  /** Resolves on a notification, after `timeoutMs`, or when `signal` aborts. */
  wait(timeoutMs: number, signal?: AbortSignal): Promise<'notified' | 'timeout' | 'aborted'> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve('notified');
    }
    if (signal?.aborted) return Promise.resolve('aborted');
    return new Promise((resolve) => {
      const finish = (outcome: 'notified' | 'timeout' | 'aborted'): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (this.waiter === onNotify) this.waiter = undefined;
        if (outcome === 'notified') this.pending = false;
        resolve(outcome);
      };
      const onNotify = (): void => finish('notified');
      const onAbort = (): void => finish('aborted');
      const timer = setTimeout(() => finish('timeout'), timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiter = onNotify;
    });
  }
}
