import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { CalendarYearLoaded, checkEventPayload, prefixedTopic } from '@legal/contracts';
import type { EventData, ServiceName } from '@legal/contracts';
import { IsoDate, loadOfficialYear } from '@legal/domain';
import { HealthRegistry } from '@legal/health';
import { decodeCloudEvent, instanceGroupPrefix, KAFKA, KAFKA_SETTINGS } from '@legal/messaging';
import type { KafkaSettings } from '@legal/messaging';
import { describeError } from '@legal/observability';
import type { Consumer, Kafka } from 'kafkajs';

/** The service this process is (the kit's `serviceName`). */
export const CALENDAR_FOLLOWER_SERVICE = Symbol('CALENDAR_FOLLOWER_SERVICE');

/** A year this instance has just learnt (or whose newer version it has just applied). */
export interface CalendarYearApplied {
  year: number;
  version: number;
  /**
   * Days whose kind this version changes: those the load announced (against the version before) and those
   * that changed in this process's calendar (against what it had, e.g. the package after a restart).
   */
  changedDays: IsoDate[];
}

export type CalendarYearListener = (applied: CalendarYearApplied) => Promise<void> | void;

/**
 * What a follower tells its listeners about a record it has just applied: the changed days of a version of
 * the year newer than any it applied before (those the load announced, validated, and those that changed
 * in this process's calendar, sorted, once each); null for a repeated or older version, or when no day changed.
 */
export function daysToAnnounce(record: {
  knownVersion: number;
  version: number;
  announced: unknown;
  changedHere: readonly IsoDate[];
}): IsoDate[] | null {
  if (record.version <= record.knownVersion) return null;
  const announced = Array.isArray(record.announced)
    ? record.announced.filter((d): d is IsoDate => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d))
    : [];
  const days = [...new Set([...announced, ...record.changedHere])].sort();
  return days.length > 0 ? days : null;
}

/** Whether `service` follows the loaded calendar: it is a consumer of CalendarYearLoaded in the contracts. */
export function followsCalendar(service: string): boolean {
  return (CalendarYearLoaded.consumers as readonly string[]).includes(service as ServiceName);
}

/**
 * Every instance of every service that computes or shows legal periods follows the official calendar
 * loaded at run time (work-order's `POST /admin/calendar/years/{year}`): it reads the compacted topic
 * `legal.calendar` (keyed by year, no time deletion, so a year loaded months ago is still there) from
 * the beginning, with a consumer group of its own (`instance.<service>.calendar-follower.<uuid>`: the
 * service's per-instance group prefix, outside its shared `<service>.` one, so what counts a service's
 * groups never mistakes it for a group that failed to balance) that never commits, so each instance gets
 * every record; each record is applied with `loadOfficialYear` (idempotent, the newest version of a year
 * wins). No inbox: this is an in-memory projection rebuilt at every start. Readiness shows `calendar-follower` with `caughtUp`
 * (false until every partition's end at start-up has been read: not fatal, a warning).
 * Listeners (`onYearApplied`) let a service recompute its own open clocks: they hear each version of a
 * year the first time this follower applies it (never an older or repeated one), with the changed days.
 * They are told even when another follower of the same process applied the year first (services
 * started together in one test process share the calendar), since recomputing finds only what moved.
 */
@Injectable()
export class CalendarFollower implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CalendarFollower.name);
  private readonly listeners: CalendarYearListener[] = [];
  private consumer: Consumer | undefined;
  /** Partition → the end offset at start-up still to be reached; empty once caught up. */
  private pending: Map<number, bigint> | undefined;
  private lastError: string | undefined;
  private readonly applied = new Map<number, number>();
  private stopped = false;
  private readonly stopping = new AbortController();
  private starting: Promise<void> | undefined;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(KAFKA_SETTINGS) private readonly settings: KafkaSettings,
    @Inject(CALENDAR_FOLLOWER_SERVICE) private readonly service: string,
    private readonly health: HealthRegistry,
  ) {}

  get enabled(): boolean {
    return followsCalendar(this.service);
  }

  /** True once every record that existed at start-up has been applied. */
  get caughtUp(): boolean {
    return this.pending !== undefined && this.pending.size === 0;
  }

  /** The version of each year this instance has applied from the topic. */
  appliedYears(): Record<string, number> {
    return Object.fromEntries([...this.applied].map(([y, v]) => [String(y), v]));
  }

  onYearApplied(listener: CalendarYearListener): void {
    this.listeners.push(listener);
  }

  onModuleInit(): void {
    if (!this.enabled) return;
    this.health.register('calendar-follower', async () => {
      if (this.caughtUp) return { up: true, detail: { caughtUp: true, years: this.appliedYears() } };
      const warning = 'the loaded calendar is not read to its end yet: deadlines may use the packaged calendar';
      const error = this.lastError ? { lastError: this.lastError } : {};
      return { up: true, detail: { caughtUp: false, warning, years: this.appliedYears(), ...error } };
    });
  }

  /** In the background: HTTP answers at once, readiness shows the follower catching up. */
  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    this.starting = this.startWithRetry();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.stopping.abort();
    await this.starting?.catch(() => undefined);
    await this.consumer?.disconnect().catch(() => undefined);
  }

  private async startWithRetry(): Promise<void> {
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        await this.start();
        return;
      } catch (e) {
        this.lastError = describeError(e);
        if (attempt === 1 || attempt % 10 === 0) {
          this.logger.warn({ msg: 'cannot follow the calendar topic yet; retrying', attempt, error: this.lastError });
        }
        await this.consumer?.disconnect().catch(() => undefined);
        this.consumer = undefined;
        const delay = Math.min(10_000, 500 * 2 ** Math.min(attempt, 5));
        await sleep(delay, undefined, { signal: this.stopping.signal }).catch(() => undefined);
      }
    }
  }

  private async start(): Promise<void> {
    const topic = prefixedTopic(this.settings.topicPrefix, CalendarYearLoaded.topic);
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(topic);
      this.pending = new Map(
        offsets.filter((o) => BigInt(o.high) > BigInt(o.low)).map((o) => [o.partition, BigInt(o.high)]),
      );
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    if (this.stopped) return;
    const group = `${instanceGroupPrefix(this.service)}calendar-follower.${randomUUID()}`;
    const groupId = prefixedTopic(this.settings.topicPrefix, group);
    const consumer = this.kafka.consumer({ groupId, allowAutoTopicCreation: false });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        await this.applyRecord(message);
        const end = this.pending?.get(partition);
        if (end !== undefined && BigInt(message.offset) + 1n >= end) {
          this.pending?.delete(partition);
          if (this.caughtUp) this.logger.log({ msg: 'calendar follower caught up', years: this.appliedYears() });
        }
      },
    });
    this.lastError = undefined;
    if (this.caughtUp) this.logger.log({ msg: 'calendar follower caught up (no loaded year)', groupId });
  }

  private async applyRecord(message: {
    headers?: Parameters<typeof decodeCloudEvent>[0]['headers'];
    value: Buffer | null;
    offset: string;
  }): Promise<void> {
    const decoded = decodeCloudEvent({ headers: message.headers, value: message.value });
    if (!decoded.ok || decoded.event.type !== CalendarYearLoaded.type) {
      this.logger.warn({ msg: 'calendar record skipped: not a CalendarYearLoaded event', offset: message.offset });
      return;
    }
    // Checked as if from a stranger. Not dead-lettered: every instance reads the record at every start.
    const check = checkEventPayload(CalendarYearLoaded.type, decoded.event.data);
    if (!check.ok) {
      this.logger.warn({ msg: 'calendar record skipped: invalid', offset: message.offset, errors: check.errors });
      return;
    }
    const data = decoded.event.data as EventData<typeof CalendarYearLoaded>;
    const { year, version, holidays, workdays } = data;
    const changedHere = loadOfficialYear({ year, version, holidays, workdays });
    const knownVersion = this.applied.get(year) ?? 0;
    const changedDays = daysToAnnounce({ knownVersion, version, announced: data.changedDays, changedHere });
    this.applied.set(year, Math.max(version, knownVersion));
    if (!changedDays) return;
    this.logger.log({ msg: 'calendar year applied', year, version, changedDays: changedDays.length });
    for (const listener of this.listeners) {
      try {
        await listener({ year, version, changedDays });
      } catch (e) {
        this.logger.error({ msg: 'recomputing after a calendar year failed', year, version, error: describeError(e) });
      }
    }
  }
}
