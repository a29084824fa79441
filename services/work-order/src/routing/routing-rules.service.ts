import { Injectable } from '@nestjs/common';
import { ConflictError, InvalidInputError, NotFoundError } from '@legal/http';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor } from '../common/actor';
import { RoutingRuleEntity } from './entities/routing-rule.entity';
import type { RuleSnapshot } from './routing-decision.types';
import { RoutingRuleKind, ruleParamProblems } from './routing-rule.types';
import { insertable } from '../common/sql';

export interface RuleDraft {
  ruleKey: string;
  kind: RoutingRuleKind;
  name: string;
  params: Record<string, unknown>;
  enabled: boolean;
}

/**
 * Routing rules as data. A change never edits a row: it supersedes the current revision and writes
 * the next one, so every stored decision still points at the exact revisions it applied.
 */
/**
 * How long an instance reuses the current revisions it read (issue 14: they were read for every decision). A
 * change made through this instance is seen by its next decision; one made through another instance within this
 * time. Decisions store the revisions they applied, so which one a decision used stays visible.
 */
export const RULE_CACHE_MS = 5_000;

@Injectable()
export class RoutingRulesService {
  private cached: { readAt: number; snapshots: RuleSnapshot[] } | undefined;
  /** Bumped by every change, so a read that raced with one is not kept. */
  private generation = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The current enabled revisions, as snapshots to copy into a decision (read at most every RULE_CACHE_MS). */
  async currentSnapshots(manager: EntityManager): Promise<RuleSnapshot[]> {
    const now = Date.now();
    if (this.cached && now - this.cached.readAt < RULE_CACHE_MS) return this.cached.snapshots;
    const generation = this.generation;
    const snapshots = await this.readSnapshots(manager);
    if (generation === this.generation) this.cached = { readAt: now, snapshots };
    return snapshots;
  }

  private async readSnapshots(manager: EntityManager): Promise<RuleSnapshot[]> {
    const rows = await manager.find(RoutingRuleEntity, {
      where: { supersededAt: IsNull(), enabled: true },
      order: { ruleKey: 'ASC' },
    });
    return rows.map((r) => ({
      id: r.id,
      ruleKey: r.ruleKey,
      revision: r.revision,
      kind: r.kind,
      name: r.name,
      params: r.params,
    }));
  }

  async list(options: {
    includeHistory: boolean;
    limit: number;
    offset: number;
  }): Promise<{ items: RoutingRuleEntity[]; total: number }> {
    const [items, total] = await this.dataSource.manager.findAndCount(RoutingRuleEntity, {
      where: options.includeHistory ? {} : { supersededAt: IsNull() },
      order: { ruleKey: 'ASC', revision: 'DESC' },
      take: options.limit,
      skip: options.offset,
    });
    return { items, total };
  }

  async create(draft: RuleDraft, actor: Actor): Promise<RoutingRuleEntity> {
    this.validate(draft.kind, draft.params);
    return this.changing(async (manager) => {
      const existing = await manager.findOne(RoutingRuleEntity, { where: { ruleKey: draft.ruleKey } });
      if (existing)
        throw new ConflictError('rule-exists', `Routing rule ${draft.ruleKey} already exists; change it with PUT`);
      return this.insertRevision(manager, draft, 1, actor);
    });
  }

  /** Writes the next revision of a rule; only decisions taken afterwards use it. */
  async revise(
    ruleKey: string,
    change: Partial<Omit<RuleDraft, 'ruleKey' | 'kind'>>,
    actor: Actor,
  ): Promise<RoutingRuleEntity> {
    return this.changing(async (manager) => {
      const current = await manager.findOne(RoutingRuleEntity, {
        where: { ruleKey, supersededAt: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) throw new NotFoundError('Routing rule', ruleKey);
      const next: RuleDraft = {
        ruleKey,
        kind: current.kind,
        name: change.name ?? current.name,
        params: change.params ?? current.params,
        enabled: change.enabled ?? current.enabled,
      };
      this.validate(next.kind, next.params);
      await manager.update(RoutingRuleEntity, { id: current.id }, { supersededAt: new Date() });
      return this.insertRevision(manager, next, current.revision + 1, actor);
    });
  }

  /** A change of the rules: the cached revisions are dropped once it committed (or failed). */
  private async changing<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } finally {
      this.generation += 1;
      this.cached = undefined;
    }
  }

  private validate(kind: RoutingRuleKind, params: Record<string, unknown>): void {
    const problems = ruleParamProblems(kind, params);
    if (problems.length > 0) {
      throw new InvalidInputError(
        problems.map((p) => ({ field: p.field, messages: [p.message], codes: ['ruleParam'] })),
        'The rule parameters are invalid',
      );
    }
  }

  private async insertRevision(
    manager: EntityManager,
    draft: RuleDraft,
    revision: number,
    actor: Actor,
  ): Promise<RoutingRuleEntity> {
    const row = manager.create(RoutingRuleEntity, {
      id: randomUUID(),
      ruleKey: draft.ruleKey,
      revision,
      kind: draft.kind,
      name: draft.name,
      params: draft.params,
      enabled: draft.enabled,
      createdBy: (actor.id ?? actor.role).slice(0, 64),
      createdAt: new Date(),
      supersededAt: null,
    });
    await manager.insert(RoutingRuleEntity, insertable(row));
    return row;
  }
}
