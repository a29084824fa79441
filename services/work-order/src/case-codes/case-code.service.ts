import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { formatCaseCode, shanghaiDateOf } from '@legal/domain';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { queryRows, tableOf } from '../common/sql';
import { CaseCodeCounterEntity } from './entities/case-code-counter.entity';

/** The first block of a region-day is one number; each further block doubles, up to this many. */
export const CASE_CODE_MAX_BLOCK = 32;

interface Block {
  next: number;
  last: number;
  /** Size of the block taken last, so the next one can double. */
  size: number;
}

/**
 * Issues case codes (一案一码): `<county>-<YYYYMMDD>-<sequence>-<check>`.
 *
 * Sequences are reserved in blocks per (region, day) from the `case_code_counter` row with one atomic
 * `INSERT … ON CONFLICT DO UPDATE … RETURNING` in its own short autocommit statement, not in the intake's
 * transaction, on a connection of its own (taken from the pool once and kept, so an intake holding a pool
 * connection never waits for a second one): the row is locked for that statement only, so intakes of one region no longer wait for each
 * other's commits. The numbers of a block are then handed out from memory. The first block of a region-day
 * is a single number and each later one doubles (1, 2, 4, … up to CASE_CODE_MAX_BLOCK), so a quiet county
 * reserves about what it uses and a busy one needs a statement only every 32 intakes.
 *
 * Rules: a code is never issued twice (blocks of different instances never overlap). Sequences may have
 * gaps: the unused rest of a block when an instance stops, and the number of a work order whose transaction
 * rolls back (it is not given back). Within a region-day the codes of one instance grow with time; two
 * instances interleave, so a smaller sequence is not necessarily an earlier case.
 */
@Injectable()
export class CaseCodeService implements OnModuleInit, OnModuleDestroy {
  private readonly blocks = new Map<string, Block>();
  private readonly reserving = new Map<string, Promise<Block>>();
  private currentDay = '';
  private connection: QueryRunner | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Takes the reserving connection at start-up, while the pool is free. */
  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    await connection?.release();
  }

  /**
   * A new code for a case opened at `at` in `regionCode`. `manager` (the caller's transaction) is only
   * used to name the counter table; the reservation commits on its own.
   */
  async issue(manager: EntityManager, regionCode: string, at: Date): Promise<string> {
    const region = issuingRegion(regionCode);
    const day = shanghaiDateOf(at);
    const sequence = await this.nextSequence(tableOf(manager, CaseCodeCounterEntity), region, day);
    return formatCaseCode({ region, date: day, sequence });
  }

  private async nextSequence(table: string, region: string, day: string): Promise<number> {
    if (day > this.currentDay) this.forgetBefore(day);
    const key = `${table}|${region}|${day}`;
    for (;;) {
      const block = this.blocks.get(key);
      if (block && block.next <= block.last) return block.next++;
      const pending = this.reserving.get(key) ?? this.reserve(table, { key, region, day, previous: block });
      await pending;
    }
  }

  /** One reservation per key at a time; callers waiting for it take numbers from the block it stores. */
  private reserve(table: string, r: { key: string; region: string; day: string; previous?: Block }): Promise<Block> {
    const size = r.previous ? Math.min(CASE_CODE_MAX_BLOCK, r.previous.size * 2) : 1;
    const pending = this.query<{ last_value: number }>(
      `INSERT INTO ${table} AS c (region_code, day, last_value) VALUES ($1, $2, $3)
       ON CONFLICT (region_code, day) DO UPDATE SET last_value = c.last_value + $3
       RETURNING c.last_value`,
      [r.region, r.day, size],
    )
      .then(([row]) => {
        const block = { next: row.last_value - size + 1, last: row.last_value, size };
        this.blocks.set(r.key, block);
        return block;
      })
      .finally(() => this.reserving.delete(r.key));
    this.reserving.set(r.key, pending);
    return pending;
  }

  /** Runs on the reserving connection; a failed connection is dropped and the next reservation takes a new one. */
  private async query<T>(sql: string, params: unknown[]): Promise<T[]> {
    const connection = await this.connect();
    try {
      return await queryRows<T>(connection.manager, sql, params);
    } catch (e) {
      if (this.connection === connection) this.connection = undefined;
      await connection.release().catch(() => undefined);
      throw e;
    }
  }

  private async connect(): Promise<QueryRunner> {
    if (this.connection) return this.connection;
    const connection = this.dataSource.createQueryRunner('master');
    this.connection = connection;
    try {
      await connection.connect();
      return connection;
    } catch (e) {
      if (this.connection === connection) this.connection = undefined;
      throw e;
    }
  }

  /** Blocks of past days are never used again (a case is coded on the day it is opened). */
  private forgetBefore(day: string): void {
    this.currentDay = day;
    for (const key of this.blocks.keys()) if (!key.endsWith(`|${day}`)) this.blocks.delete(key);
  }
}

/** The six-digit code of the issuing division: the county of a township or village, else the code itself. */
export function issuingRegion(regionCode: string): string {
  return regionCode.slice(0, 6);
}
