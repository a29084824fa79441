// kafkajs 2.2.4's request queue re-armed a 1 ms timer forever on every idle connection, and swept its in-flight
// requests for timeouts every 100 ms: most of an idle service's CPU (issue 14). patches/kafkajs+2.2.4.patch
// (applied by `patch-package` on install) stops both; this spec fails if the patch is missing or lost.
import { EventEmitter } from 'node:events';

// The queue is internal to kafkajs: no public type, so it is loaded by path and typed here as far as used.
interface RequestQueueLike {
  pending: unknown[];
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  requestTimeoutIntervalId: NodeJS.Timeout | undefined;
  checkPendingRequests(): void;
  scheduleRequestTimeoutCheck(): void;
  destroy(): void;
}
type RequestQueueClass = new (options: Record<string, unknown>) => RequestQueueLike;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RequestQueue = require('kafkajs/src/network/requestQueue') as RequestQueueClass;

function queue(requestTimeout: number): RequestQueueLike {
  const noop = (): void => undefined;
  return new RequestQueue({
    instrumentationEmitter: new EventEmitter(),
    maxInFlightRequests: null,
    requestTimeout,
    enforceRequestTimeout: true,
    clientId: 'spec',
    broker: '127.0.0.1:1',
    logger: { debug: noop, info: noop, warn: noop, error: noop },
    isConnected: () => true,
  });
}

describe('kafkajs request queue on an idle connection (patched)', () => {
  afterEach(() => jest.useRealTimers());

  it('arms no timer when nothing is pending and nothing throttles', () => {
    const q = queue(10000);
    q.checkPendingRequests();
    const armed = q.throttleCheckTimeoutId;
    if (armed) clearTimeout(armed); // unpatched: cleared so the failing run ends instead of spinning
    expect(armed).toBeNull();
  });

  it('still checks again when a request waits', () => {
    const q = queue(10000);
    q.pending.push({});
    const send = jest.fn();
    Object.assign(q, { canSendSocketRequestImmediately: () => false, sendSocketRequest: send });
    q.checkPendingRequests();
    expect(q.throttleCheckTimeoutId).not.toBeNull();
    clearTimeout(q.throttleCheckTimeoutId as NodeJS.Timeout);
  });

  it('sweeps in-flight requests for timeouts once a second, not ten times', () => {
    jest.useFakeTimers();
    const q = queue(10000);
    const sweeps = jest.spyOn(Map.prototype, 'forEach');
    Object.assign(q, { inflight: new Map() });
    q.scheduleRequestTimeoutCheck();
    jest.advanceTimersByTime(2000);
    const calls = sweeps.mock.calls.length;
    sweeps.mockRestore();
    q.destroy();
    expect(calls).toBe(2);
  });
});
