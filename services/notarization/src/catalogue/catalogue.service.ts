import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConflictError, InvalidInputError, NotFoundError } from '@legal/http';
import { DataSource, EntityManager } from 'typeorm';
import { MatterCreateDto, MatterUpdateDto } from './dto/matter-create.dto';
import { MatterListResponseDto, MatterResponseDto } from './dto/matter-response.dto';
import { MatterMaterial } from './entities/matter-material.entity';
import { Matter } from './entities/matter.entity';

export interface MatterWithChecklist {
  matter: Matter;
  materials: MatterMaterial[];
}

/** The matter catalogue (公证事项) with checklists and fees: data that admins maintain. */
@Injectable()
export class CatalogueService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<MatterListResponseDto> {
    const matters = await this.dataSource.getRepository(Matter).find({ order: { code: 'ASC' } });
    const materials = await this.dataSource
      .getRepository(MatterMaterial)
      .find({ order: { matterCode: 'ASC', sortOrder: 'ASC' } });
    return {
      items: matters.map((m) =>
        toResponse(
          m,
          materials.filter((x) => x.matterCode === m.code),
        ),
      ),
      total: matters.length,
    };
  }

  async get(code: string): Promise<MatterResponseDto> {
    return this.response(this.dataSource.manager, code);
  }

  async find(manager: EntityManager, code: string): Promise<MatterWithChecklist | undefined> {
    const matter = await manager.findOneBy(Matter, { code });
    if (!matter) return undefined;
    return {
      matter,
      materials: await manager.find(MatterMaterial, { where: { matterCode: code }, order: { sortOrder: 'ASC' } }),
    };
  }

  async create(dto: MatterCreateDto): Promise<MatterResponseDto> {
    assertUniqueCodes(dto);
    return this.dataSource.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(Matter)
        .values(matterRow(dto.code, dto))
        .orIgnore()
        .returning('code')
        .execute();
      if ((inserted.raw as unknown[]).length === 0)
        throw new ConflictError('matter-exists', `Matter ${dto.code} already exists`);
      await this.replaceChecklist(manager, dto.code, dto);
      return this.response(manager, dto.code);
    });
  }

  /** Replaces name, fee and checklist; applications already received keep the checklist they were checked against. */
  async replace(code: string, dto: MatterUpdateDto): Promise<MatterResponseDto> {
    assertUniqueCodes(dto);
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager
        .createQueryBuilder(Matter, 'm')
        .setLock('pessimistic_write')
        .where('m.code = :code', { code })
        .getOne();
      if (!existing) throw new NotFoundError('Matter', code);
      await manager.update(Matter, { code }, matterRow(code, dto));
      await this.replaceChecklist(manager, code, dto);
      return this.response(manager, code);
    });
  }

  private async response(manager: EntityManager, code: string): Promise<MatterResponseDto> {
    const found = await this.find(manager, code);
    if (!found) throw new NotFoundError('Matter', code);
    return toResponse(found.matter, found.materials);
  }

  private async replaceChecklist(manager: EntityManager, code: string, dto: MatterUpdateDto): Promise<void> {
    await manager.delete(MatterMaterial, { matterCode: code });
    await manager.insert(
      MatterMaterial,
      dto.materials.map((m, i) => ({
        matterCode: code,
        code: m.code,
        label: m.label,
        commitmentAllowed: m.commitmentAllowed,
        sortOrder: i + 1,
      })),
    );
  }
}

function matterRow(code: string, dto: MatterUpdateDto): Partial<Matter> {
  return {
    code,
    nameZh: dto.nameZh,
    nameEn: dto.nameEn,
    feeFen: dto.feeFen,
    feeNote: dto.feeNote ?? null,
    active: dto.active ?? true,
  };
}

function assertUniqueCodes(dto: MatterUpdateDto): void {
  const seen = new Set<string>();
  const errors = dto.materials.flatMap((m, i) => {
    if (!seen.has(m.code)) {
      seen.add(m.code);
      return [];
    }
    return [{ field: `materials[${i}].code`, messages: [`material ${m.code} is listed twice`], codes: ['duplicate'] }];
  });
  if (errors.length > 0) throw new InvalidInputError(errors);
}

function toResponse(m: Matter, materials: MatterMaterial[]): MatterResponseDto {
  return {
    code: m.code,
    nameZh: m.nameZh,
    nameEn: m.nameEn,
    feeFen: m.feeFen,
    feeYuan: (m.feeFen / 100).toFixed(2),
    feeNote: m.feeNote ?? undefined,
    active: m.active,
    materials: materials.map((x) => ({ code: x.code, label: x.label, commitmentAllowed: x.commitmentAllowed })),
  };
}
