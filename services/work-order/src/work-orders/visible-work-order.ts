import type { AuthUser } from '@legal/auth';
import { NotFoundError } from '@legal/http';
import type { EntityManager } from 'typeorm';
import { assertCanSee } from '../common/access';
import { WorkOrderEntity } from './entities/work-order.entity';

/**
 * The work order if the caller may see it: 404 when unknown (or a complaint about the caller), 403 outside
 * the jurisdiction.
 */
export async function findVisibleWorkOrder(
  manager: EntityManager,
  user: AuthUser,
  caseCode: string,
): Promise<WorkOrderEntity> {
  const wo = await manager.findOne(WorkOrderEntity, { where: { caseCode } });
  if (!wo) throw new NotFoundError('Work order', caseCode);
  assertCanSee(user, wo);
  return wo;
}
