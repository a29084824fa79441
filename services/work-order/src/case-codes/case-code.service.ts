import { Injectable } from '@nestjs/common';
import { formatCaseCode, shanghaiDateOf } from '@legal/domain';
import type { EntityManager } from 'typeorm';
import { queryRows, tableOf } from '../common/sql';
import { CaseCodeCounterEntity } from './entities/case-code-counter.entity';

/**
 * Issues case codes (一案一码): `<county>-<YYYYMMDD>-<sequence>-<check>`. The sequence comes from a
 * counter row per (region, day) bumped with one atomic upsert in the caller's transaction, so two
 * instances never issue the same code and a rolled-back work order does not leave a gap.
 */
@Injectable()
export class CaseCodeService {
  async issue(manager: EntityManager, regionCode: string, at: Date): Promise<string> {
    const region = issuingRegion(regionCode);
    const day = shanghaiDateOf(at);
    const [row] = await queryRows<{ last_value: number }>(
      manager,
      `INSERT INTO ${tableOf(manager, CaseCodeCounterEntity)} AS c (region_code, day, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (region_code, day) DO UPDATE SET last_value = c.last_value + 1
       RETURNING c.last_value`,
      [region, day],
    );
    return formatCaseCode({ region, date: day, sequence: row.last_value });
  }
}

/** The six-digit code of the issuing division: the county of a township or village, else the code itself. */
export function issuingRegion(regionCode: string): string {
  return regionCode.slice(0, 6);
}
