import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConflictError, NotFoundError } from '@legal/http';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Page } from '../pagination/page-query.dto';
import type { LawyerCreateDto } from './dto/lawyer-create.dto';
import type { LawyerListQueryDto } from './dto/lawyer-list-query.dto';
import type { LawyerUpdateDto } from './dto/lawyer-update.dto';
import { Lawyer } from './entities/lawyer.entity';

/** The lawyer roster is data maintained by administrators; loads are changed only by appointments. */
@Injectable()
export class LawyersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: LawyerListQueryDto): Promise<Page<Lawyer>> {
    const qb = this.dataSource
      .getRepository(Lawyer)
      .createQueryBuilder('l')
      .orderBy('l.region_code', 'ASC')
      .addOrderBy('l.name', 'ASC')
      .addOrderBy('l.id', 'ASC');
    if (query.regionPrefix) qb.andWhere('l.region_code LIKE :prefix', { prefix: `${query.regionPrefix}%` });
    if (query.active !== undefined) qb.andWhere('l.active = :active', { active: query.active });
    const [items, total] = await qb
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string): Promise<Lawyer> {
    const lawyer = await this.dataSource.getRepository(Lawyer).findOne({ where: { id } });
    if (!lawyer) throw new NotFoundError('Lawyer', id);
    return lawyer;
  }

  async create(dto: LawyerCreateDto, actor: string): Promise<Lawyer> {
    const repo = this.dataSource.getRepository(Lawyer);
    const lawyer = repo.create({
      id: randomUUID(),
      ...dto,
      expertiseTags: [...new Set(dto.expertiseTags)],
      active: dto.active ?? true,
      currentLoad: 0,
      updatedBy: actor.slice(0, 64),
    });
    return repo.save(lawyer);
  }

  async update(id: string, dto: LawyerUpdateDto, actor: string): Promise<Lawyer> {
    return this.dataSource.transaction(async (manager) => {
      const lawyer = await manager.findOne(Lawyer, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!lawyer) throw new NotFoundError('Lawyer', id);
      if (dto.capacity !== undefined && dto.capacity < lawyer.currentLoad) {
        throw new ConflictError(
          'capacity-below-load',
          `${lawyer.name} has ${lawyer.currentLoad} open appointments; capacity cannot go below that`,
        );
      }
      Object.assign(lawyer, dto, dto.expertiseTags ? { expertiseTags: [...new Set(dto.expertiseTags)] } : {}, {
        updatedBy: actor.slice(0, 64),
      });
      return manager.save(lawyer);
    });
  }
}
