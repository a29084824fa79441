import type { MessageConsumers } from '../consumer/message-consumers';
import type { OutboxBacklogProbe } from '../outbox/outbox-backlog.probe';
import type { OutboxRelay } from '../outbox/outbox-relay';

/** Same shape as @legal/health's ComponentStatus (not imported: @legal/health depends on this lib). */
export interface MessagingComponentStatus {
  up: boolean;
  detail?: Record<string, unknown>;
  error?: string;
}

/** Anything with HealthRegistry's `register` (passed in by the service kit). */
export interface HealthCheckSink {
  register(name: string, check: () => Promise<MessagingComponentStatus>): void;
}

/**
 * Readiness of the message pipeline: `outbox-relay` is down when the relay loop is not running, or
 * when the oldest unsent row is older than `stuckAfterMs` although the relay's last round succeeded
 * (i.e. Kafka is reachable, yet rows do not move); `consumers` is down unless every group has joined, and
 * names each group that is still joining (or stalled).
 */
export class MessagingHealth {
  constructor(
    private readonly relay: OutboxRelay | undefined,
    private readonly backlog: OutboxBacklogProbe,
    private readonly consumers: MessageConsumers,
    private readonly stuckAfterMs = 60000,
  ) {}

  registerWith(sink: HealthCheckSink): void {
    sink.register('outbox-relay', () => this.relayStatus());
    sink.register('consumers', () => this.consumersStatus());
  }

  async relayStatus(): Promise<MessagingComponentStatus> {
    if (!this.relay) return { up: true, detail: { relay: 'disabled in this instance' } };
    const status = this.relay.status();
    let backlog;
    try {
      backlog = await this.backlog.read();
    } catch (e) {
      return { up: false, error: `cannot read the outbox: ${e instanceof Error ? e.message : String(e)}` };
    }
    const oldestAgeSeconds = backlog.oldestCreatedAt
      ? Math.round((Date.now() - backlog.oldestCreatedAt.getTime()) / 1000)
      : 0;
    // Quarantined rows and the rows held behind them are shown, not counted as stuck: the rest flows, and
    // an alert (outbox_quarantined_messages) calls the operator instead of taking the instance out of service.
    const detail = {
      backlog: backlog.rows,
      oldestAgeSeconds,
      published: status.published,
      consecutiveFailures: status.consecutiveFailures,
      quarantined: backlog.quarantined,
      heldRows: backlog.heldRows,
    };
    if (!status.running) return { up: false, detail, error: 'relay loop is not running' };
    const stuck = oldestAgeSeconds * 1000 > this.stuckAfterMs && status.consecutiveFailures === 0;
    return stuck
      ? { up: false, detail, error: `oldest unsent row waits ${oldestAgeSeconds} s although Kafka accepts writes` }
      : { up: true, detail };
  }

  async consumersStatus(): Promise<MessagingComponentStatus> {
    const runners = this.consumers.runners();
    const groups = Object.fromEntries(runners.map((r) => [r.groupId, r.membership]));
    // Named by what the instance waits for, e.g. "joining: work-order.intake; stalled: work-order.reports".
    const waiting = new Map<string, string[]>();
    for (const r of runners.filter((x) => !x.isHealthy())) {
      waiting.set(r.membership, [...(waiting.get(r.membership) ?? []), r.groupId]);
    }
    const error = [...waiting].map(([membership, ids]) => `${membership}: ${ids.join(', ')}`).join('; ');
    return waiting.size === 0 ? { up: true, detail: { groups } } : { up: false, detail: { groups }, error };
  }
}
