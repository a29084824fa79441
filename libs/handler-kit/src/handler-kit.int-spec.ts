import { Injectable, Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import type { AuthUser } from '@legal/auth';
import { OfferAccepted, OfferRejected, Progressed } from '@legal/contracts';
import { schemaOf } from '@legal/persistence';
import type { RunningService, ServiceDefinition } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag, waitUntil } from '@legal/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Column, DataSource, Entity, EntityManager, MigrationInterface, PrimaryColumn, QueryRunner } from 'typeorm';
import {
  Accepted,
  DispatchData,
  HandlerDomain,
  HandlerEnv,
  HandlerKitModule,
  HandlerReporter,
  Offer,
  OfferExpirySweeper,
  offerTableMigration,
  OpenRequest,
  Opening,
  settingsFromEnv,
  WorkOrderRouterFixture,
} from '.';

jest.setTimeout(90_000);

/** The matter this test handler opens: just enough to see that accepting opened one, once. */
@Entity({ name: 'kit_matter' })
class KitMatter {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  offerId!: string;

  @Column('uuid')
  workOrderId!: string;

  @Column({ type: 'varchar', length: 64 })
  openedBy!: string;
}

class KitMatterTable1764990000001 implements MigrationInterface {
  name = 'KitMatterTable1764990000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(
      `CREATE TABLE "${s}"."kit_matter" ("id" uuid NOT NULL, "offer_id" uuid NOT NULL, ` +
        `"work_order_id" uuid NOT NULL, ` +
        `"opened_by" varchar(64) NOT NULL, CONSTRAINT "pk_kit_matter" PRIMARY KEY ("id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}"."kit_matter"`);
  }
}

/** A handler's domain reduced to the callbacks: opens a matter, reports one step, presents it. */
@Injectable()
class KitTestDomain implements HandlerDomain<KitMatter> {
  constructor(private readonly reports: HandlerReporter) {}

  async open(manager: EntityManager, r: OpenRequest<unknown>): Promise<Opening<KitMatter>> {
    const matter = manager.create(KitMatter, {
      id: randomUUID(),
      offerId: r.offer.id,
      workOrderId: r.offer.workOrderId,
      openedBy: r.actorId,
    });
    await manager.insert(KitMatter, matter);
    return { opened: matter, subject: matter };
  }

  async afterAccepted(manager: EntityManager, a: Accepted<KitMatter>): Promise<void> {
    const report = { about: a.subject, step: 'kit-matter-opened', detail: 'opened', deadlines: [] };
    await this.reports.progressed(manager, { ...report, actorId: a.actorId, at: a.now });
  }

  async present(_manager: EntityManager, matter: KitMatter, _user: AuthUser): Promise<object> {
    return { matterId: matter.id, offerId: matter.offerId };
  }
}

@Module({})
class KitTestModule {
  static forRoot(): DynamicModule {
    return {
      module: KitTestModule,
      imports: [
        HandlerKitModule.forHandler({
          handler: 'mediation',
          domain: KitTestDomain,
          settings: settingsFromEnv(HandlerEnv),
          api: {
            roles: { read: ['mediator', 'admin'], decide: ['mediator'] },
            summaries: { list: 'Offers to the kit test handler', accept: 'Accept an offer' },
          },
        }),
      ],
    };
  }
}

// The broker knows the services' principals: the test handler runs as mediation (its credentials and
// transit keys), on its own schema and topic prefix, with nothing of mediation's domain.
const kitHandler: ServiceDefinition<HandlerEnv> = {
  name: 'mediation',
  title: 'Handler kit test handler',
  description: 'Only the handler kit, with a minimal domain',
  envClass: HandlerEnv,
  defaults: { PORT: 0, DB_SCHEMA: 'handler_kit_test' },
  persistence: {
    entities: [Offer, KitMatter],
    migrations: [offerTableMigration(1764990000000), KitMatterTable1764990000001],
  },
  rootModule: () => KitTestModule.forRoot(),
};

describe('handler kit: offers from dispatch to report (real PostgreSQL, Kafka)', () => {
  const tag = uniqueTag('hkit');
  let auth: TestAuthority;
  let service: RunningService<HandlerEnv>;
  let router: WorkOrderRouterFixture;
  let db: DataSource;
  let staff: string;

  const offerIn = (offer: DispatchData, status = 'open'): Promise<Record<string, unknown>> =>
    waitUntil(
      async () => {
        const res = await request(service.url).get(`/offers/${offer.offerId}`).set('authorization', staff);
        return res.status === 200 && res.body.status === status ? (res.body as Record<string, unknown>) : undefined;
      },
      30000,
      `offer ${offer.offerId} ${status}`,
    );
  const post = (path: string, body: object = {}): request.Test =>
    request(service.url).post(path).set('authorization', staff).send(body);

  beforeAll(async () => {
    auth = await TestAuthority.create();
    const overrides = isolatedOverrides(tag, 'hkit', { ...auth.env, OFFER_SWEEP_INTERVAL_MS: 0 });
    service = await startService(kitHandler, overrides);
    db = service.app.get(DataSource);
    router = await WorkOrderRouterFixture.connect(tag);
    const org = 'org-371324101-mediation';
    staff = await auth.bearer({ sub: 'mediator-kit', roles: ['mediator'], org, region: '371324' });
  });

  afterAll(async () => {
    await router?.close();
    await service?.stop();
  });

  it('records an offer, accepts it into a matter, reports OfferAccepted then the domain step', async () => {
    const offer = router.offer();
    const dispatched = await router.dispatch(offer);
    const recorded = await offerIn(offer);
    expect(recorded).toMatchObject({ caseCode: offer.caseCode, status: 'open', applicant: { address: '***' } });
    expect(recorded.applicant).not.toMatchObject({ phone: '13812345678' });

    const accepted = await post(`/offers/${offer.offerId}/accept`).expect(201);
    const matterId = accepted.body.matterId as string;
    expect(accepted.body).toEqual({ matterId, offerId: offer.offerId });
    expect(await db.getRepository(KitMatter).findOneBy({ id: matterId })).toMatchObject({ openedBy: 'mediator-kit' });
    const stored = await db.getRepository(Offer).findOneBy({ id: offer.offerId });
    expect(stored).toMatchObject({ status: 'accepted', matterId });

    await router.waitForReports(offer.workOrderId, Progressed.type);
    const reports = router.reportsFor(offer.workOrderId);
    expect(reports.map((e) => e.type)).toEqual([OfferAccepted.type, Progressed.type]);
    expect(reports[0]).toMatchObject({ causationid: dispatched.id });
    expect(reports[0]?.data).toMatchObject({ handler: 'mediation', handlerCaseId: matterId, offerId: offer.offerId });
    expect(reports[0]?.data).toMatchObject({ actorId: 'mediator-kit' });
    expect(reports[1]?.data).toMatchObject({ step: 'kit-matter-opened', handlerCaseId: matterId });
    expect((await post(`/offers/${offer.offerId}/accept`).expect(409)).body.code).toBe('offer-already-accepted');
  });

  it('ignores a duplicate delivery and a repeated dispatch: one offer, one matter, one report', async () => {
    const offer = router.offer();
    const event = await router.dispatch(offer);
    await offerIn(offer);
    await router.send(event); // the same event again (same id): the inbox skips it
    await router.dispatch(offer); // the same offer under a new event id: the offer id is already there
    await post(`/offers/${offer.offerId}/accept`).expect(201);
    await router.send(event);
    const barrier = router.offer({ workOrderId: offer.workOrderId });
    await router.dispatch(barrier); // same key, so consumed after everything before it
    await offerIn(barrier);
    expect(await db.getRepository(Offer).countBy({ id: offer.offerId })).toBe(1);
    expect(await db.getRepository(KitMatter).countBy({ offerId: offer.offerId })).toBe(1);
    await router.waitForReports(offer.workOrderId, OfferAccepted.type);
    expect(router.reportsFor(offer.workOrderId).filter((e) => e.type === OfferAccepted.type)).toHaveLength(1);
  });

  it('withdraws an open offer (no acceptance), keeps an accepted one accepted with the reason', async () => {
    const open = router.offer();
    await router.dispatch(open);
    await offerIn(open);
    await router.withdraw(open, 'reassigned');
    expect(await offerIn(open, 'withdrawn')).toMatchObject({ withdrawalReason: 'reassigned', decidedBy: 'system' });
    expect((await post(`/offers/${open.offerId}/accept`).expect(409)).body.code).toBe('offer-withdrawn');

    const taken = router.offer();
    await router.dispatch(taken);
    await offerIn(taken);
    await post(`/offers/${taken.offerId}/accept`).expect(201);
    await router.withdraw(taken, 'cancelled');
    const noted = await waitUntil(
      async () => {
        const res = await request(service.url).get(`/offers/${taken.offerId}`).set('authorization', staff);
        return res.body.withdrawalReason ? (res.body as Record<string, unknown>) : undefined;
      },
      30000,
      'withdrawal noted on the accepted offer',
    );
    expect(noted).toMatchObject({ status: 'accepted', withdrawalReason: 'cancelled' });
    expect(await db.getRepository(KitMatter).countBy({ offerId: taken.offerId })).toBe(1);
  });

  it('refuses an offer past its expiry before the sweep; the sweep expires it, open ones stay', async () => {
    const lapsed = router.offer({ expiresAt: new Date(Date.now() - 1000).toISOString() });
    await router.dispatch(lapsed);
    await offerIn(lapsed);
    expect((await post(`/offers/${lapsed.offerId}/accept`).expect(409)).body.code).toBe('offer-expired');
    const open = router.offer();
    await router.dispatch(open);
    await offerIn(open);
    expect(await service.app.get(OfferExpirySweeper).sweep()).toBeGreaterThanOrEqual(1);
    expect(await offerIn(lapsed, 'expired')).toMatchObject({ decidedBy: 'system' });
    await offerIn(open, 'open');
    expect(await db.getRepository(KitMatter).countBy({ offerId: lapsed.offerId })).toBe(0);
  });

  it('rejects with a coded reason (400 without), reports OfferRejected, refuses to accept after', async () => {
    const offer = router.offer();
    await router.dispatch(offer);
    await offerIn(offer);
    const bad = await post(`/offers/${offer.offerId}/reject`, { reasonCode: 'too-busy', reason: '' }).expect(400);
    expect((bad.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['reason', 'reasonCode']);
    const reason = { reasonCode: 'no-capacity', reason: '本周已满负荷' };
    const rejected = await post(`/offers/${offer.offerId}/reject`, reason).expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReasonCode: 'no-capacity' });
    expect(rejected.body).toMatchObject({ decidedBy: 'mediator-kit' });
    const [report] = await router.waitForReports(offer.workOrderId, OfferRejected.type);
    expect(report?.data).toMatchObject({ handlerCaseId: 'none', reasonCode: 'no-capacity', reason: '本周已满负荷' });
    expect((await post(`/offers/${offer.offerId}/accept`).expect(409)).body.code).toBe('offer-already-rejected');
  });

  it('keeps offers to other handlers out, and staff of another area out of this one', async () => {
    const notOurs = router.offer({ handler: 'notarization', serviceType: 'notarization' });
    await router.dispatch(notOurs);
    const marker = router.offer({ workOrderId: notOurs.workOrderId });
    await router.dispatch(marker);
    await offerIn(marker);
    await request(service.url).get(`/offers/${notOurs.offerId}`).set('authorization', staff).expect(404);

    const elsewhere = await auth.bearer({ sub: 'far', roles: ['mediator'], org: 'org-370102', region: '370102' });
    const far = await request(service.url).get(`/offers/${marker.offerId}`).set('authorization', elsewhere).expect(403);
    expect(far.body.code).toBe('out-of-jurisdiction');
    const list = await request(service.url).get('/offers').set('authorization', elsewhere).expect(200);
    expect(list.body).toMatchObject({ items: [], total: 0 });
    await request(service.url).post(`/offers/${marker.offerId}/accept`).set('authorization', elsewhere).expect(403);
  });

  it('lets only staff of the organisation an offer was made to decide it, not another of the same area', async () => {
    const offer = router.offer();
    await router.dispatch(offer);
    await offerIn(offer);
    const otherOrg = 'org-371324102-mediation';
    const neighbour = await auth.bearer({ sub: 'neighbour', roles: ['mediator'], org: otherOrg, region: '371324' });
    const accept = `/offers/${offer.offerId}/accept`;
    const refused = await request(service.url).post(accept).set('authorization', neighbour).expect(403);
    expect(refused.body.code).toBe('other-organisation');
    const reject = await request(service.url)
      .post(`/offers/${offer.offerId}/reject`)
      .set('authorization', neighbour)
      .send({ reasonCode: 'no-capacity', reason: '不是本机构' })
      .expect(403);
    expect(reject.body.code).toBe('other-organisation');
    const still = await request(service.url).get(`/offers/${offer.offerId}`).set('authorization', staff).expect(200);
    expect(still.body.status).toBe('open');
    await request(service.url).post(accept).set('authorization', staff).expect(201);
  });
});
