import { Logger } from '@nestjs/common';
import type { Batch, Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { BackoffPolicy, backoffDelay, sleep, withTimeout } from '../retry/backoff';
import { describeError } from '@legal/observability';
import type { ConsumedRecord } from './consumed-record';
import { ConsumerStoppingError, MessageProcessor } from './message-processor';
import { replayTargetAllows } from '../replay/replay-target';

export interface ConsumerRunnerOptions {
  partitionsConsumedConcurrently: number;
  /**
   * Offsets of handled records are committed after this many records of a partition, else at most
   * `commitIntervalMs` after the batch that handled them (one OffsetCommit for every partition due, instead of
   * one per batch: at low rates each batch is one record), at once after a batch that dead-lettered something,
   * and on stop. What a crash leaves uncommitted is redelivered and absorbed by the inbox.
   */
  commitEveryMessages: number;
  commitIntervalMs: number;
  /**
   * The broker drops a member that has not heartbeated for this long and hands its partitions to the others:
   * the stall after a crashed instance. Must lie within the broker's group.min/max.session.timeout.ms.
   */
  sessionTimeout: number;
  /** Heartbeats are sent this often, also while a long batch is being handled (see `eachBatch`). */
  heartbeatInterval: number;
  /** How long a rebalance waits for the live members to rejoin (each finishes its chunk first). */
  rebalanceTimeout: number;
  /** Consecutive valid records of a partition handled in one DB transaction (one commit). */
  recordsPerTransaction: number;
  /** Long polls end after this; also bounds how long shutdown waits for an idle fetch. */
  maxWaitTimeInMs: number;
  /** Between attempts to (re)create the consumer after a crash kafkajs does not recover from itself. */
  restartBackoff: BackoffPolicy;
  /**
   * A consumer that shows no sign of life (no fetch, heartbeat, join or batch) for this long while not
   * processing is recreated: kafkajs can stay stuck after a broker restart.
   */
  stallTimeoutMs: number;
}

export const DEFAULT_RUNNER_OPTIONS: ConsumerRunnerOptions = {
  partitionsConsumedConcurrently: 3,
  commitEveryMessages: 100,
  // At citizen rates every group handles a record or two per second, so the interval, not the count, decides how
  // often it commits (each commit a write to the broker's offsets log). 2 s instead of 0.5 s: the six services'
  // OffsetCommits per intake 6.7 -> 2.1, their broker requests per intake 30.5 -> 26.1 (issue 14,
  // bench/results/kafka-14-broker.md). A crash redelivers up to 2 s of records: the inbox absorbs them.
  commitIntervalMs: 2000,
  recordsPerTransaction: 50,
  // A dead member is noticed within 10 s (kafkajs's 30 s stalled every group for half a minute after a crash);
  // a live one heartbeats every second, also in the middle of a batch, so a slow handler is not mistaken for one.
  sessionTimeout: 10000,
  heartbeatInterval: 1000,
  rebalanceTimeout: 20000,
  // An idle consumer long-polls: one fetch per group every 3 s instead of every second. kafkajs heartbeats between
  // fetches, so an idle member heartbeats every 3 s (sessionTimeout / 3); in a batch the runner beats every second.
  maxWaitTimeInMs: 3000,
  restartBackoff: { initialMs: 500, maxMs: 15000 },
  stallTimeoutMs: 60000,
};

export type RunnerState = 'idle' | 'starting' | 'running' | 'restarting' | 'stopping' | 'stopped';

/** What readiness shows per group: joined, still (re)joining, joined but silent too long, or shut down. */
export type GroupMembership = 'joined' | 'joining' | 'stalled' | 'stopped';

function nextOffset(offset: string): string {
  return (BigInt(offset) + 1n).toString();
}

function toRecord(batch: Batch, message: KafkaMessage): ConsumedRecord {
  return {
    topic: batch.topic,
    partition: batch.partition,
    offset: message.offset,
    key: message.key,
    value: message.value,
    headers: message.headers ?? {},
    timestamp: message.timestamp,
  };
}

/**
 * One consumer group on kafkajs: explicit offsets (committed only after the record's transaction
 * committed), several partitions in parallel, recreated with backoff after a crash kafkajs does not
 * restart from, and a graceful stop that finishes the record in hand and commits.
 */
export class ConsumerRunner {
  private readonly logger = new Logger(ConsumerRunner.name);
  private readonly abort = new AbortController();
  private consumer: Consumer | undefined;
  private launching: Promise<void> | undefined;
  private currentState: RunnerState = 'idle';
  private crashes = 0;
  private joinWaiters: (() => void)[] = [];
  private lastActivityAt = Date.now();
  private activeBatches = 0;
  private launchInProgress = false;
  private watchdog: NodeJS.Timeout | undefined;
  /** Offsets handled but not yet committed, per `topic:partition`, with the consumer that handled them. */
  private readonly pendingOffsets = new Map<string, { topic: string; partition: number; offset: string }>();
  private pendingOf: Consumer | undefined;
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly kafka: Kafka,
    readonly groupId: string,
    readonly topics: string[],
    private readonly processor: MessageProcessor,
    private readonly options: ConsumerRunnerOptions = DEFAULT_RUNNER_OPTIONS,
    private readonly prerequisite: Promise<void> = Promise.resolve(),
  ) {}

  get state(): RunnerState {
    return this.currentState;
  }

  start(): void {
    if (this.currentState !== 'idle') return;
    this.currentState = 'starting';
    this.launching = this.launch();
    this.watchdog = setInterval(
      () => this.checkStall(),
      Math.max(1000, Math.min(5000, this.options.stallTimeoutMs / 4)),
    );
    this.watchdog.unref();
  }

  /** Joined, and alive recently (or busy with a batch). */
  isHealthy(): boolean {
    return (
      this.currentState === 'running' &&
      (this.activeBatches > 0 || Date.now() - this.lastActivityAt < this.options.stallTimeoutMs)
    );
  }

  get membership(): GroupMembership {
    switch (this.currentState) {
      case 'running':
        return this.isHealthy() ? 'joined' : 'stalled';
      case 'idle':
      case 'starting':
      case 'restarting':
        return 'joining';
      case 'stopping':
      case 'stopped':
        return 'stopped';
    }
  }

  /** Resolves true once the consumer has joined its group (false after `timeoutMs`). */
  whenRunning(timeoutMs: number): Promise<boolean> {
    if (this.currentState === 'running') return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.joinWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  /** Stops fetching, lets the record in hand finish and commit, leaves the group, disconnects. */
  async stop(): Promise<void> {
    if (this.currentState === 'stopped') return;
    this.currentState = 'stopping';
    this.abort.abort();
    clearInterval(this.watchdog);
    const consumer = this.consumer;
    this.consumer = undefined;
    if (consumer) {
      // Batches still running commit their own offsets when they end (the runner is stopping).
      await this.flushOffsets();
      await withTimeout(consumer.stop(), 30000, 'consumer stop timed out').catch((e: unknown) =>
        this.logger.warn({ msg: 'consumer stop failed', group: this.groupId, error: describeError(e) }),
      );
      await withTimeout(consumer.disconnect(), 10000, 'consumer disconnect timed out').catch(() => undefined);
    }
    await withTimeout(this.launching ?? Promise.resolve(), 10000, 'consumer launch still running').catch(
      () => undefined,
    );
    this.currentState = 'stopped';
  }

  private async launch(): Promise<void> {
    this.launchInProgress = true;
    try {
      await this.launchUntilRunning();
    } finally {
      this.launchInProgress = false;
      this.lastActivityAt = Date.now();
    }
  }

  private async launchUntilRunning(): Promise<void> {
    await this.prerequisite.catch(() => undefined);
    for (let attempt = 1; !this.abort.signal.aborted; attempt++) {
      const consumer = this.createConsumer();
      this.consumer = consumer;
      try {
        await consumer.connect();
        await consumer.subscribe({ topics: this.topics, fromBeginning: true });
        // Resolves once the group is joined, or once a failed join was handed to kafkajs's crash handling.
        await consumer.run({
          autoCommit: false,
          eachBatchAutoResolve: false,
          partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
          eachBatch: (payload) => this.eachBatch(consumer, payload),
        });
        return;
      } catch (e) {
        this.logger.warn({
          msg: 'cannot start consumer; retrying',
          group: this.groupId,
          attempt,
          error: describeError(e),
        });
        this.consumer = undefined;
        await consumer.disconnect().catch(() => undefined);
        await sleep(backoffDelay(attempt, this.options.restartBackoff), this.abort.signal);
      }
    }
  }

  private createConsumer(): Consumer {
    const consumer: Consumer = this.kafka.consumer({
      groupId: this.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: this.options.sessionTimeout,
      heartbeatInterval: this.options.heartbeatInterval,
      rebalanceTimeout: this.options.rebalanceTimeout,
      maxWaitTimeInMs: this.options.maxWaitTimeInMs,
      retry: {
        retries: 5,
        // kafkajs restarts itself after retriable crashes, but never a consumer we stopped or replaced:
        // a restart racing stop() would otherwise keep reconnecting forever.
        restartOnFailure: async () => !this.abort.signal.aborted && this.consumer === consumer,
      },
    });
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      this.logger.log({ msg: 'consumer joined its group', group: this.groupId, assignment: payload.memberAssignment });
      alive();
      this.crashes = 0;
      if (this.currentState === 'starting' || this.currentState === 'restarting') this.currentState = 'running';
      const waiters = this.joinWaiters;
      this.joinWaiters = [];
      for (const waiter of waiters) waiter();
    });
    const alive = (): void => {
      if (this.consumer === consumer) this.lastActivityAt = Date.now();
    };
    for (const event of [
      consumer.events.FETCH,
      consumer.events.HEARTBEAT,
      consumer.events.START_BATCH_PROCESS,
      consumer.events.END_BATCH_PROCESS,
    ]) {
      consumer.on(event, alive);
    }
    // Before the partitions move: what this member handled should not be handled again by the next owner.
    consumer.on(consumer.events.REBALANCING, () => void this.flushOffsets());
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (this.abort.signal.aborted) return;
      this.currentState = 'restarting';
      this.logger.error({
        msg: 'consumer crashed',
        group: this.groupId,
        restartedByKafkajs: payload.restart,
        error: describeError(payload.error),
      });
      // kafkajs restarts itself after retriable errors; after any other crash we recreate the consumer.
      if (!payload.restart && this.consumer === consumer) this.launching = this.relaunch(consumer);
    });
    return consumer;
  }

  private checkStall(): void {
    const consumer = this.consumer;
    if (!consumer || this.abort.signal.aborted || this.launchInProgress || this.activeBatches > 0) return;
    const silentMs = Date.now() - this.lastActivityAt;
    if (silentMs < this.options.stallTimeoutMs) return;
    this.logger.warn({ msg: 'consumer shows no sign of life; recreating it', group: this.groupId, silentMs });
    this.currentState = 'restarting';
    this.launching = this.relaunch(consumer, true);
  }

  private async relaunch(crashed: Consumer, stopFirst = false): Promise<void> {
    this.launchInProgress = true;
    try {
      this.crashes++;
      this.consumer = undefined;
      if (stopFirst) await withTimeout(crashed.stop(), 10000, 'stop timed out').catch(() => undefined);
      await withTimeout(crashed.disconnect(), 10000, 'disconnect timed out').catch(() => undefined);
      await sleep(backoffDelay(this.crashes, this.options.restartBackoff), this.abort.signal);
    } finally {
      this.launchInProgress = false;
    }
    if (!this.abort.signal.aborted) await this.launch();
  }

  /** Remembers a handled offset; committed by the next flush (timer, threshold, dead letter, rebalance or stop). */
  private deferOffset(consumer: Consumer, topic: string, partition: number, offset: string): void {
    if (this.pendingOf !== consumer) {
      // Offsets handled through a replaced consumer are not committed through the new one.
      this.pendingOffsets.clear();
      this.pendingOf = consumer;
    }
    this.pendingOffsets.set(`${topic}:${partition}`, { topic, partition, offset });
    if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => void this.flushOffsets(), this.options.commitIntervalMs);
      this.flushTimer.unref();
    }
  }

  /** Commits every pending offset in one request. Never throws: uncommitted records are redelivered to the inbox. */
  private async flushOffsets(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const consumer = this.pendingOf;
    if (!consumer || this.pendingOffsets.size === 0) return;
    const offsets = [...this.pendingOffsets.values()];
    this.pendingOffsets.clear();
    try {
      await consumer.commitOffsets(offsets);
    } catch (e) {
      this.logger.warn({ msg: 'offset commit failed', group: this.groupId, offsets, error: describeError(e) });
    }
  }

  private async eachBatch(consumer: Consumer, payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    let pending: string | undefined;
    let uncommitted = 0;
    let deadLettered = false;
    const remember = (): void => {
      if (pending === undefined) return;
      this.deferOffset(consumer, batch.topic, batch.partition, pending);
      pending = undefined;
    };
    // At once when many records are waiting, when something went to the dead-letter topic (a redelivery would
    // dead-letter it twice) or when stopping; otherwise the timer commits within commitIntervalMs.
    const commitIfDue = async (): Promise<void> => {
      remember();
      if (uncommitted >= this.options.commitEveryMessages || deadLettered || this.abort.signal.aborted) {
        uncommitted = 0;
        deadLettered = false;
        await this.flushOffsets();
      }
    };
    const context = { heartbeat: payload.heartbeat, stopping: this.abort.signal };
    const { messages } = batch;
    this.activeBatches++;
    // kafkajs heartbeats only between batches and when asked: while a chunk's transaction runs (a slow handler,
    // a database that takes its time) nobody would, and a 10 s session would expire under load. kafkajs shares
    // one heartbeat request between concurrent callers and sends none before `heartbeatInterval` has passed.
    const beat = (): void => void payload.heartbeat().catch(() => undefined);
    const keepAlive = setInterval(beat, this.options.heartbeatInterval);
    keepAlive.unref();
    try {
      for (let start = 0; start < messages.length; start += this.options.recordsPerTransaction) {
        if (this.abort.signal.aborted || !payload.isRunning() || payload.isStale()) break;
        const chunk = messages.slice(start, start + this.options.recordsPerTransaction);
        // A replay meant for another group only (replay_target_group) is acknowledged without handling.
        const records = chunk
          .filter((m) => replayTargetAllows(m.headers ?? {}, this.groupId))
          .map((m) => toRecord(batch, m));
        if (records.length > 0) {
          const summary = await this.processor.processMany(records, context);
          if (summary['dead-lettered'] > 0) deadLettered = true;
        }
        const last = chunk[chunk.length - 1] as KafkaMessage;
        payload.resolveOffset(last.offset);
        pending = nextOffset(last.offset);
        uncommitted += chunk.length;
        await commitIfDue();
        await payload.heartbeat();
      }
    } catch (e) {
      remember();
      await this.flushOffsets();
      if (e instanceof ConsumerStoppingError) return;
      throw e;
    } finally {
      clearInterval(keepAlive);
      this.activeBatches--;
      this.lastActivityAt = Date.now();
    }
    await commitIfDue();
  }
}
