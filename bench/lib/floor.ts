import type { Baselines } from './baselines/run-baselines';

/**
 * The hops an intake cannot avoid on its way through the system, counted from the architecture:
 *
 *   POST intake ─(1 HTTP)→ platform commit (record + outbox) → relay → Kafka intake.submitted
 *   → work-order commit (case code, work order, offer, outbox) → Kafka intake.outcome / workorder.dispatch
 *   → handler commit (offer accepted, outbox) → Kafka handler.report
 *   → work-order commit (accepted, outbox) → Kafka workorder.changed
 *   → platform read-model commits (three platforms in parallel: one on the critical path)
 *
 * The relay's own "mark sent" commit is not counted: it is a design choice, not a physical limit.
 */
export interface HopCount {
  http: number;
  kafka: number;
  commits: number;
}

export const STAGE_HOPS = {
  caseCode: { http: 1, kafka: 2, commits: 2 },
  dispatched: { http: 1, kafka: 2, commits: 2 },
  accepted: { http: 1, kafka: 3, commits: 3 },
  readModels: { http: 1, kafka: 4, commits: 5 },
} as const satisfies Record<string, HopCount>;

export type Stage = keyof typeof STAGE_HOPS;
export const STAGES = Object.keys(STAGE_HOPS) as Stage[];

export interface Floor {
  hops: HopCount;
  p50Ms: number;
  p99Ms: number;
  formula: string;
}

/** Sum of the unavoidable hops at the baselines' p50 (and, for reference, their p99). */
export function floorOf(hops: HopCount, b: Baselines): Floor {
  const sum = (pick: 'p50' | 'p99'): number =>
    Math.round(
      (hops.http * b.http.sequentialPost[pick] +
        hops.kafka * b.kafka.roundTrip[pick] +
        hops.commits * b.postgres.insertCommit[pick]) *
        100,
    ) / 100;
  return {
    hops,
    p50Ms: sum('p50'),
    p99Ms: sum('p99'),
    formula: `${hops.http}×HTTP + ${hops.kafka}×Kafka RTT + ${hops.commits}×INSERT+COMMIT`,
  };
}
