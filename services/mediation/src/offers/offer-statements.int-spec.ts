import { WorkOrderDispatched } from '@legal/contracts';
import type { CloudEvent } from '@legal/contracts';
import { DispatchedData, Offer, OfferInbox, WorkOrderRouterFixture } from '@legal/handler-kit';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { countStatements, isolatedOverrides, listing, TestAuthority, uniqueTag } from '@legal/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CaseHistory } from '../history/entities/case-history.entity';
import type { MediationEnv } from '../config/mediation.env';
import { mediationService } from '../mediation.definition';

jest.setTimeout(90_000);

/**
 * Round trips to PostgreSQL of mediation's offer inbox (issue 14): a dispatched offer recorded and accepted
 * automatically (case opened with committee and mediator, history, OfferAccepted and committee-assigned
 * reports), as the dispatch consumer runs it inside its inbox transaction. An upper bound, so a statement
 * added to this hop shows up here.
 */
describe('statements of an automatically accepted mediation offer (real PostgreSQL)', () => {
  const tag = uniqueTag('medstmt');
  let service: RunningService<MediationEnv>;
  let router: WorkOrderRouterFixture;
  let db: DataSource;

  beforeAll(async () => {
    const auth = await TestAuthority.create();
    service = await startService(
      mediationService,
      isolatedOverrides(tag, 'mediation', { ...auth.env, AUTO_ACCEPT_OFFERS: true }),
    );
    db = service.app.get(DataSource);
    router = await WorkOrderRouterFixture.connect(tag);
  });

  afterAll(async () => {
    await router?.close();
    await service?.stop();
  });

  async function receiveCounted(data: DispatchedData): Promise<string[]> {
    const inbox = service.app.get(OfferInbox);
    const event = {
      id: randomUUID(),
      type: WorkOrderDispatched.type,
      source: 'test',
      specversion: '1.0',
      time: new Date().toISOString(),
      correlationid: randomUUID(),
      data,
    } as unknown as CloudEvent<DispatchedData>;
    const { statements } = await countStatements(db, (manager) => inbox.receive(manager, event));
    process.stdout.write(`offer received and accepted (${statements.length}):\n${listing(statements)}\n`);
    return statements.map((s) => s.sql);
  }

  it('records and accepts a dispatched offer in a bounded number of statements', async () => {
    await receiveCounted(router.offer()); // warm-up: first use fills caches
    const offer = router.offer();
    const statements = await receiveCounted(offer);
    const accepted = await db.getRepository(Offer).findOneByOrFail({ id: offer.offerId });
    expect(accepted).toMatchObject({ status: 'accepted' });
    // Both history steps in one INSERT, still listed in the order they happened.
    expect(statements.filter((q) => /^INSERT INTO "[^"]+"\."case_history"/.test(q))).toHaveLength(1);
    const history = await db
      .getRepository(CaseHistory)
      .find({ where: { caseId: accepted.matterId ?? '' }, order: { id: 'ASC' } });
    expect(history.map((h) => h.step)).toEqual(['offer-accepted', 'committee-assigned']);
    // The committee lock, then its mediators with their open cases in one SELECT (no separate count).
    expect(statements.filter((q) => /^SELECT [\s\S]*"mediation_case"/.test(q))).toHaveLength(1);
    // 11 before this was counted (issue 14: two history INSERTs, mediators and their open cases in two
    // SELECTs); 9 now.
    expect(statements.length).toBeLessThanOrEqual(9);
  });
});
