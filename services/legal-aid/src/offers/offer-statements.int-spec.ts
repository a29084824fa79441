import { WorkOrderDispatched } from '@legal/contracts';
import type { CloudEvent } from '@legal/contracts';
import { DispatchedData, Offer, OfferInbox } from '@legal/handler-kit';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { countStatements, isolatedOverrides, listing, TestAuthority, uniqueTag } from '@legal/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { LegalAidEnv } from '../config/legal-aid.env';
import { legalAidService } from '../legal-aid.definition';
import { PartnerEventsFixture } from '../testing/partner-events.fixture';

jest.setTimeout(90_000);

/**
 * Round trips to PostgreSQL of the handler's offer inbox (issue 14): a dispatched offer recorded and
 * accepted automatically (the application opened, its clock started, OfferAccepted and the first progress
 * report written), as the dispatch consumer runs it inside its inbox transaction. An upper bound, so a
 * statement added to this hop shows up here.
 */
describe('statements of an automatically accepted legal-aid offer (real PostgreSQL)', () => {
  const tag = uniqueTag('lastmt');
  let service: RunningService<LegalAidEnv>;
  let partners: PartnerEventsFixture;
  let db: DataSource;

  beforeAll(async () => {
    const auth = await TestAuthority.create();
    service = await startService(
      legalAidService,
      isolatedOverrides(tag, 'legalaid', { ...auth.env, AUTO_ACCEPT_OFFERS: true }),
    );
    db = service.app.get(DataSource);
    partners = await PartnerEventsFixture.connect(tag);
  });

  afterAll(async () => {
    await partners?.close();
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

  it('records and accepts a dispatched offer in a bounded number of statements, and records it once', async () => {
    await receiveCounted(partners.offer()); // warm-up: first use fills caches
    const offer = partners.offer();
    const statements = await receiveCounted(offer);
    expect(await db.getRepository(Offer).findOneBy({ id: offer.offerId })).toMatchObject({ status: 'accepted' });
    // The offer is not read back after it is written.
    expect(statements.filter((q) => /^SELECT .* FROM "[^"]+"\."offer"/.test(q))).toEqual([]);
    // The decision clock is written once and not read (deadline INSERT without save's SELECT; the report
    // takes the clock the opening started), the capacity limit and open count come in one statement.
    expect(statements.filter((q) => /^SELECT .* FROM "[^"]+"\."application_deadline"/.test(q))).toEqual([]);
    expect(statements.filter((q) => /"organisation_capacity"/.test(q))).toHaveLength(1);
    // 13 before issue 14's handler-path work (the offer was SELECTed back after its INSERT); 12 after that;
    // 9 now (no deadline SELECT before its INSERT nor after it, limit and count of the capacity in one SELECT).
    expect(statements.length).toBeLessThanOrEqual(9);
    // A repeated dispatch of the same offer adds nothing but the one INSERT that finds it there (and COMMIT).
    const again = await receiveCounted(offer);
    expect(again.length).toBeLessThanOrEqual(2);
    expect(await db.getRepository(Offer).countBy({ id: offer.offerId })).toBe(1);
  });
});
