import { Injectable } from '@nestjs/common';
import { PiiProtector } from '@legal/privacy';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { queryRows, tableOf } from '../common/sql';
import { unsealApplicant } from '../work-orders/applicant-sealing';
import { WorkOrderEntity } from '../work-orders/entities/work-order.entity';
import { OPEN_STATUSES } from '../work-orders/work-order-lifecycle';
import { PossibleRelationEntity, RelationReason } from './entities/possible-relation.entity';
import { indexedNameSimilarity, nameIndex } from './name-index';
import { nameSimilarity } from './name-similarity';

const SIMILAR_NAME_THRESHOLD = 0.7;
const SIMILAR_NAME_WINDOW_DAYS = 90;
const MAX_NAME_CANDIDATES = 200;

interface Found {
  workOrderId: string;
  caseCode: string;
  reason: RelationReason;
  score: number;
}

/**
 * Near-duplicates that are not certain enough to link: the same phone or ID card with another open
 * work order that was not linked (another service type, or the same type but another matter — other
 * county or description, or a conflicting ID number on a shared phone), or a similar name in the same county. They are stored as "possibly related" for a
 * person to confirm or dismiss. Names are compared by their blind index (name-index.ts) among the candidates
 * that share the keyed surname hash; only work orders older than the index are decrypted to compare them.
 */
@Injectable()
export class RelationFinderService {
  constructor(private readonly pii: PiiProtector) {}

  async findAndStore(
    manager: EntityManager,
    wo: WorkOrderEntity,
    applicantName: string | undefined,
  ): Promise<string[]> {
    const found = new Map<string, Found>();
    const table = tableOf(manager, WorkOrderEntity);
    const open = [...OPEN_STATUSES];
    if (wo.idCardHash || wo.phoneHash) {
      const rows = await queryRows<{
        id: string;
        case_code: string;
        id_card_hash: string | null;
        service_type: string;
      }>(
        manager,
        `SELECT id, case_code, id_card_hash, service_type FROM ${table}
         WHERE id <> $1 AND status = ANY($2) AND ((id_card_hash IS NOT NULL AND id_card_hash = $3) OR (phone_hash IS NOT NULL AND phone_hash = $4))
         ORDER BY received_at DESC LIMIT 20`,
        [wo.id, open, wo.idCardHash, wo.phoneHash],
      );
      for (const r of rows) {
        const sameId = wo.idCardHash !== null && r.id_card_hash === wo.idCardHash;
        const sameType = r.service_type === wo.serviceType;
        const reason: RelationReason = sameId
          ? sameType
            ? 'same-id-card-other-matter'
            : 'same-id-card-different-type'
          : sameType
            ? 'same-phone-other-matter'
            : 'same-phone-different-type';
        found.set(r.id, { workOrderId: r.id, caseCode: r.case_code, reason, score: sameId ? 0.9 : 0.7 });
      }
    }
    const mine = applicantName && wo.surnameHash ? nameIndex(this.pii, applicantName) : null;
    if (mine) {
      // The same candidates as ever (the most recent same-surname work orders of the county), of which PostgreSQL
      // returns only those whose name index shares a hash with this name, scored from the hashes; work orders
      // written before the index (name_hashes NULL) come back with their sealed applicant and are decrypted.
      const rows = await queryRows<{
        id: string;
        case_code: string;
        name_hashes: string[] | null;
        applicant_sealed: string | null;
      }>(
        manager,
        `SELECT id, case_code, name_hashes, CASE WHEN name_hashes IS NULL THEN applicant_sealed END AS applicant_sealed
         FROM (SELECT id, case_code, name_hashes, applicant_sealed, received_at FROM ${table}
               WHERE id <> $1 AND status = ANY($2) AND surname_hash = $3 AND left(region_code, 6) = $4 AND received_at > now() - make_interval(days => $5)
                 AND NOT (id_card_hash IS NOT NULL AND id_card_hash = $6) AND NOT (phone_hash IS NOT NULL AND phone_hash = $7)
               ORDER BY received_at DESC LIMIT ${MAX_NAME_CANDIDATES}) AS candidate
         WHERE name_hashes IS NULL OR name_hashes && $8::text[]
         ORDER BY received_at DESC`,
        [
          wo.id,
          open,
          wo.surnameHash,
          wo.regionCode.slice(0, 6),
          SIMILAR_NAME_WINDOW_DAYS,
          wo.idCardHash ?? '',
          wo.phoneHash ?? '',
          mine.stored,
        ],
      );
      for (const r of rows) {
        if (found.has(r.id)) continue;
        const score = r.name_hashes
          ? indexedNameSimilarity(mine, r.name_hashes)
          : this.sealedNameScore(applicantName, r);
        if (score >= SIMILAR_NAME_THRESHOLD)
          found.set(r.id, { workOrderId: r.id, caseCode: r.case_code, reason: 'similar-name-same-region', score });
      }
    }
    if (found.size > 0) {
      // One statement for all of them (an intake of a common name may find dozens), not one query-built INSERT each
      // (issue 14); created_at takes its default, as before, and a pair already stored is left as it is.
      const rows = [...found.values()];
      await manager.query(
        `INSERT INTO ${tableOf(manager, PossibleRelationEntity)} (id, work_order_id, related_work_order_id, reason, score, status)
         SELECT id, $2::uuid, related, reason, score, 'pending'
         FROM unnest($1::uuid[], $3::uuid[], $4::varchar[], $5::real[]) AS r(id, related, reason, score)
         ON CONFLICT DO NOTHING`,
        [
          rows.map(() => randomUUID()),
          wo.id,
          rows.map((f) => f.workOrderId),
          rows.map((f) => f.reason),
          rows.map((f) => f.score),
        ],
      );
    }
    return [...found.values()].map((f) => f.caseCode);
  }

  /** The old way, for a work order without a name index: decrypt its applicant and compare the names. */
  private sealedNameScore(applicantName: string | undefined, row: { applicant_sealed: string | null }): number {
    const other = row.applicant_sealed ? unsealApplicant(this.pii, row.applicant_sealed).name : undefined;
    return applicantName && other ? nameSimilarity(applicantName, other) : 0;
  }
}
