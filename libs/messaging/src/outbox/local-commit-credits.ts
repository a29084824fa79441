/**
 * Every commit with outbox rows wakes the relay of its own process twice: at once through the commit watcher,
 * and a moment later through the NOTIFY of that commit (which exists for the other instances). Each local wake
 * leaves a credit here; a NOTIFY carrying this process's token takes one instead of starting another round, which
 * would find nothing. Credits expire after `ttlMs`, so a NOTIFY whose commit the watcher did not see (a COMMIT
 * issued outside TypeORM's transaction API) still wakes the relay, at the latest once the credits have run out.
 */
export class LocalCommitCredits {
  private readonly credits: number[] = [];

  constructor(
    private readonly ttlMs = 2000,
    private readonly max = 1000,
  ) {}

  /** A commit of this process woke the relay. */
  add(now = Date.now()): void {
    this.credits.push(now);
    if (this.credits.length > this.max) this.credits.shift();
  }

  /** The NOTIFY of one of this process's commits arrived: true when a credit covers it (no second wake needed). */
  take(now = Date.now()): boolean {
    while (this.credits.length > 0 && (this.credits[0] as number) < now - this.ttlMs) this.credits.shift();
    return this.credits.shift() !== undefined;
  }

  /** The listener (re)connected: notifications may have been lost, so no credit is owed any more. */
  clear(): void {
    this.credits.length = 0;
  }
}
