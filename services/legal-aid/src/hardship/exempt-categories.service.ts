import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ExemptCategoryUpsertDto } from './dto/exempt-category-upsert.dto';
import { ExemptCategory } from './entities/exempt-category.entity';

/** Statutory exempt categories as data: deactivated, never deleted (reviews refer to them). */
@Injectable()
export class ExemptCategoriesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<ExemptCategory[]> {
    return this.dataSource.getRepository(ExemptCategory).find({ order: { code: 'ASC' } });
  }

  async upsert(code: string, dto: ExemptCategoryUpsertDto, actor: string): Promise<ExemptCategory> {
    return this.dataSource.transaction(async (manager) => {
      const row =
        (await manager.findOne(ExemptCategory, { where: { code } })) ?? manager.create(ExemptCategory, { code });
      Object.assign(row, dto, { expertiseTags: [...new Set(dto.expertiseTags)], updatedBy: actor.slice(0, 64) });
      return manager.save(row);
    });
  }
}
