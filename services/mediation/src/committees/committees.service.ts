import { tableOf } from '@legal/persistence';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConflictError, NotFoundError } from '@legal/http';
import { regionLevelOf } from '@legal/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { MediationCase, OPEN_CASE_STATUSES } from '../cases/entities/mediation-case.entity';
import { likePrefix } from '@legal/handler-kit';
import { CommitteeCandidate, committeeRegionChain } from './committee-choice';
import { CommitteeCreateDto, CommitteeUpdateDto } from './dto/committee-create.dto';
import { CommitteeQueryDto } from './dto/committee-query.dto';
import { CommitteePageResponseDto, CommitteeResponseDto } from './dto/committee-response.dto';
import { MediatorCreateDto, MediatorUpdateDto } from './dto/mediator-create.dto';
import { MediatorListResponseDto, MediatorResponseDto } from './dto/mediator-response.dto';
import { Committee, CommitteeLevel } from './entities/committee.entity';
import { Mediator } from './entities/mediator.entity';
import type { MediatorCandidate } from './mediator-choice';

/** Committees and mediators: data kept by admins, read by the case assignment. */
@Injectable()
export class CommitteesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: CommitteeQueryDto): Promise<CommitteePageResponseDto> {
    const qb = this.dataSource
      .getRepository(Committee)
      .createQueryBuilder('c')
      .orderBy('c.regionCode', 'ASC')
      .take(query.limit)
      .skip(query.offset);
    if (query.regionCode) qb.where('c.regionCode LIKE :prefix', { prefix: likePrefix(query.regionCode) });
    const [rows, total] = await qb.getManyAndCount();
    return { items: rows.map(toCommitteeResponse), total, limit: query.limit, offset: query.offset };
  }

  async create(dto: CommitteeCreateDto): Promise<CommitteeResponseDto> {
    const level = regionLevelOf(dto.regionCode) as CommitteeLevel;
    const id = randomUUID();
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(Committee)
      .values({ id, regionCode: dto.regionCode, level, name: dto.name, active: dto.active ?? true })
      .orIgnore()
      .execute();
    const created = await this.dataSource.getRepository(Committee).findOneBy({ id });
    if (!created) throw new ConflictError('committee-exists', `division ${dto.regionCode} already has a committee`);
    return toCommitteeResponse(created);
  }

  async update(id: string, dto: CommitteeUpdateDto): Promise<CommitteeResponseDto> {
    const repo = this.dataSource.getRepository(Committee);
    const committee = await repo.findOneBy({ id });
    if (!committee) throw new NotFoundError('Committee', id);
    if (dto.name !== undefined) committee.name = dto.name;
    if (dto.active !== undefined) committee.active = dto.active;
    return toCommitteeResponse(await repo.save(committee));
  }

  async mediators(committeeId: string): Promise<MediatorListResponseDto> {
    if (!(await this.dataSource.getRepository(Committee).existsBy({ id: committeeId })))
      throw new NotFoundError('Committee', committeeId);
    const rows = await this.dataSource.getRepository(Mediator).find({ where: { committeeId }, order: { name: 'ASC' } });
    const loads = await this.openCaseCounts(
      this.dataSource.manager,
      rows.map((m) => m.id),
    );
    return { items: rows.map((m) => toMediatorResponse(m, loads.get(m.id) ?? 0)), total: rows.length };
  }

  async addMediator(committeeId: string, dto: MediatorCreateDto): Promise<MediatorResponseDto> {
    if (!(await this.dataSource.getRepository(Committee).existsBy({ id: committeeId })))
      throw new NotFoundError('Committee', committeeId);
    const mediator = await this.dataSource.getRepository(Mediator).save({
      id: randomUUID(),
      committeeId,
      name: dto.name,
      specialties: dto.specialties,
      maxOpenCases: dto.maxOpenCases,
      active: true,
    });
    return toMediatorResponse(mediator, 0);
  }

  async updateMediator(id: string, dto: MediatorUpdateDto): Promise<MediatorResponseDto> {
    const repo = this.dataSource.getRepository(Mediator);
    const mediator = await repo.findOneBy({ id });
    if (!mediator) throw new NotFoundError('Mediator', id);
    if (dto.name !== undefined) mediator.name = dto.name;
    if (dto.specialties !== undefined) mediator.specialties = dto.specialties;
    if (dto.maxOpenCases !== undefined) mediator.maxOpenCases = dto.maxOpenCases;
    if (dto.active !== undefined) mediator.active = dto.active;
    const saved = await repo.save(mediator);
    const loads = await this.openCaseCounts(this.dataSource.manager, [id]);
    return toMediatorResponse(saved, loads.get(id) ?? 0);
  }

  /** Committees along the dispute's village → township → county chain, with their active mediators counted. */
  async committeeCandidates(manager: EntityManager, regionCode: string): Promise<CommitteeCandidate[]> {
    const rows: {
      id: string;
      region_code: string;
      level: CommitteeLevel;
      name: string;
      active: boolean;
      active_mediators: string;
    }[] = await manager
      .createQueryBuilder(Committee, 'c')
      .select([
        'c.id AS id',
        'c.region_code AS region_code',
        'c.level AS level',
        'c.name AS name',
        'c.active AS active',
      ])
      .addSelect(
        (sub) => sub.select('count(*)').from(Mediator, 'm').where('m.committee_id = c.id AND m.active'),
        'active_mediators',
      )
      .where('c.region_code IN (:...codes)', { codes: committeeRegionChain(regionCode) })
      .getRawMany();
    return rows.map((r) => ({
      id: r.id,
      regionCode: r.region_code,
      level: r.level,
      name: r.name,
      active: r.active,
      activeMediators: Number(r.active_mediators),
    }));
  }

  /**
   * Locks the committee row (so two acceptances in one committee choose one after the other, each
   * seeing the other's load) and returns its active mediators with their open cases.
   */
  async lockMediatorCandidates(manager: EntityManager, committeeId: string): Promise<MediatorCandidate[]> {
    // Plain statements on the acceptance path (issue 14): the lock, then the mediators with their open cases
    // counted in the same statement (it was a SELECT of the mediators and a grouped count of their cases).
    await manager.query(`SELECT 1 FROM ${tableOf(manager, Committee)} WHERE id = $1 FOR UPDATE`, [committeeId]);
    const rows = (await manager.query(
      `SELECT m.id, m.name, m.specialties, m.max_open_cases AS "maxOpenCases",
         (SELECT count(*)::int FROM ${tableOf(manager, MediationCase)} k
           WHERE k.mediator_id = m.id AND k.status = ANY($2::varchar[])) AS "openCases"
       FROM ${tableOf(manager, Mediator)} m
       WHERE m.committee_id = $1 AND m.active`,
      [committeeId, OPEN_CASE_STATUSES],
    )) as MediatorCandidate[];
    return rows;
  }

  private async openCaseCounts(manager: EntityManager, mediatorIds: string[]): Promise<Map<string, number>> {
    if (mediatorIds.length === 0) return new Map();
    const rows: { mediator_id: string; open: string }[] = await manager
      .createQueryBuilder(MediationCase, 'k')
      .select('k.mediator_id', 'mediator_id')
      .addSelect('count(*)', 'open')
      .where({ mediatorId: In(mediatorIds), status: In([...OPEN_CASE_STATUSES]) })
      .groupBy('k.mediator_id')
      .getRawMany();
    return new Map(rows.map((r) => [r.mediator_id, Number(r.open)]));
  }
}

function toCommitteeResponse(c: Committee): CommitteeResponseDto {
  return { id: c.id, regionCode: c.regionCode, level: c.level, name: c.name, active: c.active };
}

function toMediatorResponse(m: Mediator, openCases: number): MediatorResponseDto {
  return {
    id: m.id,
    committeeId: m.committeeId,
    name: m.name,
    specialties: m.specialties,
    maxOpenCases: m.maxOpenCases,
    openCases,
    active: m.active,
  };
}
