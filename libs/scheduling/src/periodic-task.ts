import { Logger } from '@nestjs/common';

export interface PeriodicTaskOptions {
  /** Shown in the failure log line, e.g. `offer sweep`. */
  name: string;
  /** Between the end of one run and the start of the next; 0 or less: never runs on its own. */
  intervalMs: number;
  /** First run at once instead of after one interval. */
  runAtStart?: boolean;
  /**
   * Each wait is stretched by up to this fraction of the interval, at random (default 0.1): instances started
   * together (replicas, a restarted stack) drift apart instead of waking the database in step. Never shorter
   * than `intervalMs`. 0: exact.
   */
  jitter?: number;
}

const DEFAULT_JITTER = 0.1;

/**
 * Background work on a timer, the same way everywhere: never two runs at once, a failed run is logged
 * and retried at the next tick, the timer does not keep the process alive, waits are jittered, and `stop()`
 * waits for the run in flight. Sweepers and purgers own one and keep their `sweep()` callable directly (tests).
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly options: PeriodicTaskOptions,
    private readonly work: () => Promise<unknown>,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.options.intervalMs <= 0 || this.timer || this.stopped) return;
    this.schedule(this.options.runAtStart ? 0 : this.nextDelayMs());
  }

  /** The interval, stretched by the jitter. */
  private nextDelayMs(): number {
    const jitter = Math.max(0, this.options.jitter ?? DEFAULT_JITTER);
    return Math.round(this.options.intervalMs * (1 + jitter * Math.random()));
  }

  /** True once stop() was called: long runs check it between batches. */
  get isStopped(): boolean {
    return this.stopped;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.work()
        .then(() => undefined)
        .catch((err: unknown) =>
          this.logger.error({ err }, `${this.options.name} failed; retrying at the next interval`),
        )
        .finally(() => {
          this.running = undefined;
          this.schedule(this.nextDelayMs());
        });
    }, delayMs);
    this.timer.unref();
  }
}
