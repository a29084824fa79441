import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConflictError, NotFoundError } from '@legal/http';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { CategorySource } from '../cases/entities/mediation-case.entity';
import { classifyDispute } from './dispute-classifier';
import { DisputeKeywordCreateDto } from './dto/dispute-keyword-create.dto';
import { DisputeKeywordListResponseDto, DisputeKeywordResponseDto } from './dto/dispute-keyword-response.dto';
import { DisputeCategory, DisputeKeyword } from './entities/dispute-keyword.entity';

export interface CaseClassification {
  category: DisputeCategory | null;
  source: CategorySource;
  keywords: string[];
}

/** The dispute category of a case: given by staff, or read from the description with the keyword table. */
@Injectable()
export class ClassificationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async classify(
    manager: EntityManager,
    description: string,
    explicit: DisputeCategory | undefined,
  ): Promise<CaseClassification> {
    if (explicit) return { category: explicit, source: 'explicit', keywords: [] };
    const rules = await manager.find(DisputeKeyword);
    const result = classifyDispute(description, rules);
    return result.category
      ? { category: result.category, source: 'keywords', keywords: result.matchedKeywords }
      : { category: null, source: 'unclassified', keywords: [] };
  }

  async list(): Promise<DisputeKeywordListResponseDto> {
    const rows = await this.dataSource
      .getRepository(DisputeKeyword)
      .find({ order: { category: 'ASC', keyword: 'ASC' } });
    return { items: rows.map(toResponse), total: rows.length };
  }

  async add(dto: DisputeKeywordCreateDto): Promise<DisputeKeywordResponseDto> {
    const id = randomUUID();
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(DisputeKeyword)
      .values({ id, category: dto.category, keyword: dto.keyword, weight: dto.weight })
      .orIgnore()
      .execute();
    const created = await this.dataSource.getRepository(DisputeKeyword).findOneBy({ id });
    if (!created) throw new ConflictError('keyword-exists', `'${dto.keyword}' is already a ${dto.category} keyword`);
    return toResponse(created);
  }

  async remove(id: string): Promise<void> {
    const result = await this.dataSource.getRepository(DisputeKeyword).delete({ id });
    if (!result.affected) throw new NotFoundError('Dispute keyword', id);
  }
}

function toResponse(row: DisputeKeyword): DisputeKeywordResponseDto {
  return { id: row.id, category: row.category, keyword: row.keyword, weight: row.weight };
}
