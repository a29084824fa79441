import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '@legal/http';
import type { EntityManager } from 'typeorm';
import type { ThresholdUpsertDto } from './dto/threshold-upsert.dto';
import { HardshipThreshold, ThresholdLevel } from './entities/hardship-threshold.entity';
import { PROVINCE_REGION_CODE } from './hardship-evaluation';

function levelOf(regionCode: string): ThresholdLevel {
  if (regionCode === PROVINCE_REGION_CODE) return 'province';
  return regionCode.endsWith('00') ? 'city' : 'county';
}

/** Economic-hardship thresholds per city/county (data); the province row is the last fallback. */
@Injectable()
export class ThresholdsService {
  async list(manager: EntityManager): Promise<HardshipThreshold[]> {
    return manager.find(HardshipThreshold, { order: { regionCode: 'ASC' } });
  }

  async upsert(
    manager: EntityManager,
    regionCode: string,
    dto: ThresholdUpsertDto,
    actor: string,
  ): Promise<HardshipThreshold> {
    const row =
      (await manager.findOne(HardshipThreshold, { where: { regionCode } })) ??
      manager.create(HardshipThreshold, { regionCode });
    Object.assign(row, {
      level: levelOf(regionCode),
      monthlyIncomePerCapita: dto.monthlyIncomePerCapita,
      basis: dto.basis,
      updatedBy: actor.slice(0, 64),
    });
    return manager.save(row);
  }

  async remove(manager: EntityManager, regionCode: string): Promise<void> {
    if (regionCode === PROVINCE_REGION_CODE)
      throw new ConflictError(
        'province-threshold-required',
        'The province default threshold can be changed but not deleted',
      );
    const result = await manager.delete(HardshipThreshold, { regionCode });
    if (!result.affected) throw new NotFoundError('Threshold', regionCode);
  }
}
