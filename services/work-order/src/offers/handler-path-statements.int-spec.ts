import { IntakeSubmitted } from '@legal/contracts';
import type { CloudEvent, EventData, OfferAccepted, OfferRejected, Progressed } from '@legal/contracts';
import { randomUUID } from 'node:crypto';
import { intake, randomMobile, validIdCard, WORKDAY_MORNING } from '../../test/intake-factory';
import { countStatements, CountedStatement, listing } from '@legal/testing';
import { WorkOrderHarness } from '../../test/work-order-harness';
import { HandlerReportService } from '../handler-reports/handler-report.service';
import { WorkOrderIntakeEntity } from '../intake/entities/work-order-intake.entity';
import { IntakeData } from '../intake/intake-rules';
import { IntakeService } from '../intake/intake.service';
import { RoutingService } from '../routing/routing.service';
import { OfferEntity } from './entities/offer.entity';
import { OfferService } from './offer.service';

jest.setTimeout(90_000);

function envelope<T>(type: string, data: T): CloudEvent<T> {
  return {
    id: randomUUID(),
    type,
    source: 'test',
    specversion: '1.0',
    time: new Date().toISOString(),
    correlationid: randomUUID(),
    data,
  } as unknown as CloudEvent<T>;
}

/**
 * Round trips to PostgreSQL per hop after the case code (issue 14): routing, the offer, and the
 * handler's reports as work-order applies them, each with the work order's changed event. Upper bounds,
 * so a statement added to these hops shows up here instead of in a noisy CPU figure.
 */
describe('statements per hop on the handler path (real PostgreSQL, Kafka, Redis)', () => {
  let h: WorkOrderHarness;

  beforeAll(async () => {
    h = await WorkOrderHarness.start('wohpath');
  });

  afterAll(async () => {
    await h?.stop();
  });

  /** Runs one intake with the routing decision and the offer counted as phases of their own. */
  async function intakeCounted(data: IntakeData): Promise<CountedStatement[]> {
    const app = h.instances[0].app;
    const intakeService = app.get(IntakeService);
    const offers = app.get(OfferService);
    const routing = app.get(RoutingService);
    const { statements } = await countStatements(h.dataSource(), async (manager, mark) => {
      const routeAndOffer = offers.routeAndOffer.bind(offers);
      const decide = routing.decide.bind(routing);
      const offerSpy = jest.spyOn(offers, 'routeAndOffer').mockImplementation(async (...args) => {
        mark('offer');
        try {
          return await routeAndOffer(...args);
        } finally {
          mark('intake');
        }
      });
      const decideSpy = jest.spyOn(routing, 'decide').mockImplementation(async (...args) => {
        mark('routing');
        try {
          return await decide(...args);
        } finally {
          mark('offer');
        }
      });
      try {
        mark('intake');
        await intakeService.handle(envelope(IntakeSubmitted.type, data), manager);
      } finally {
        offerSpy.mockRestore();
        decideSpy.mockRestore();
      }
    });
    return statements;
  }

  const person = (): Partial<IntakeData> => ({
    submittedAt: WORKDAY_MORNING,
    applicant: { name: '王五', phone: randomMobile(), idCardNumber: validIdCard() },
  });

  it('routes and offers a new legal-aid work order, then applies acceptance and progress, in bounded statements', async () => {
    // A warm-up intake first: the first one also fills caches (regions, calendar, routing rules).
    await intakeCounted(intake(person()));
    const data = intake(person());
    const intakeStatements = await intakeCounted(data);
    const phase = (p: string): CountedStatement[] => intakeStatements.filter((s) => s.phase === p);
    process.stdout.write(`routing (${phase('routing').length}):\n${listing(intakeStatements, 'routing')}\n`);
    process.stdout.write(`offer (${phase('offer').length}):\n${listing(intakeStatements, 'offer')}\n`);

    const offer = await h.dataSource().manager.findOneByOrFail(OfferEntity, {
      workOrderId: (await h.dataSource().manager.findOneByOrFail(OfferEntity, { status: 'pending' })).workOrderId,
      status: 'pending',
    });
    const reports = h.instances[0].app.get(HandlerReportService);
    const accepted = await countStatements(h.dataSource(), (manager) =>
      reports.offerAccepted(
        envelope<EventData<typeof OfferAccepted>>('legal.handler.offer-accepted.v1', {
          workOrderId: offer.workOrderId,
          handler: offer.handler,
          handlerCaseId: 'LA-count-1',
          at: new Date().toISOString(),
          offerId: offer.id,
        }),
        manager,
      ),
    );
    process.stdout.write(`offer accepted (${accepted.statements.length}):\n${listing(accepted.statements)}\n`);
    const progressed = await countStatements(h.dataSource(), (manager) =>
      reports.progressed(
        envelope<EventData<typeof Progressed>>('legal.handler.progressed.v1', {
          workOrderId: offer.workOrderId,
          handler: offer.handler,
          handlerCaseId: 'LA-count-1',
          at: new Date().toISOString(),
          step: 'hardship-reviewed',
          detail: 'reviewed',
          deadlines: [],
        }),
        manager,
      ),
    );
    process.stdout.write(`progressed (${progressed.statements.length}):\n${listing(progressed.statements)}\n`);

    const stored = await h.dataSource().manager.findOneByOrFail(OfferEntity, { id: offer.id });
    expect(stored.status).toBe('accepted');
    // Before issue 14's handler-path work: routing 4 (rules re-read per decision, organisations and staff in two
    // queries), offer 9 (a count of offers, the receiver re-read, save's SELECT of the locked work order, two load
    // counts), acceptance 9 and progress 7 (save's SELECTs of the offer and the work order), COMMIT included.
    expect(phase('routing').length).toBeLessThanOrEqual(2);
    expect(phase('offer').length).toBeLessThanOrEqual(6);
    expect(accepted.statements.length).toBeLessThanOrEqual(7);
    expect(progressed.statements.length).toBeLessThanOrEqual(6);
    // No statement re-reads what the hop already holds: the work order (locked once) and the routing rules.
    const all = [...intakeStatements, ...accepted.statements, ...progressed.statements];
    expect(all.filter((s) => s.phase !== 'intake' && s.sql.includes('"routing_rule"'))).toEqual([]);
    const readsWorkOrder = (q: CountedStatement): boolean =>
      q.sql.startsWith('SELECT') && /FROM "[^"]+"\."work_order"/.test(q.sql);
    expect(accepted.statements.filter(readsWorkOrder)).toHaveLength(1);
    expect(progressed.statements.filter(readsWorkOrder)).toHaveLength(1);
    // The progress step's running clocks are read in plain SQL, not through TypeORM's query builder (issue 14).
    expect(progressed.statements.filter((q) => /AS "\w+Entity_/.test(q.sql))).toEqual([]);
  });
  it('applies a rejection and offers the work order to the next organisation in bounded statements', async () => {
    const data = intake(person());
    await intakeCounted(data);
    const manager = h.dataSource().manager;
    const { workOrderId } = await manager.findOneByOrFail(WorkOrderIntakeEntity, { intakeId: data.intakeId });
    const first = await manager.findOneByOrFail(OfferEntity, { workOrderId: workOrderId ?? '', attempt: 1 });
    const reports = h.instances[0].app.get(HandlerReportService);
    const rejected = await countStatements(h.dataSource(), (m) =>
      reports.offerRejected(
        envelope<EventData<typeof OfferRejected>>('legal.handler.offer-rejected.v1', {
          workOrderId: first.workOrderId,
          handler: first.handler,
          handlerCaseId: 'none',
          at: new Date().toISOString(),
          offerId: first.id,
          reasonCode: 'no-capacity',
          reason: 'full this week',
        }),
        m,
      ),
    );
    process.stdout.write(
      `offer rejected and re-offered (${rejected.statements.length}):\n${listing(rejected.statements)}\n`,
    );
    const next = await manager.findOneByOrFail(OfferEntity, { workOrderId: first.workOrderId, attempt: 2 });
    expect(next.organisationId).not.toBe(first.organisationId);
    // 23 before issue 14's handler-path work (run against the tree before 756cadc), 15 now.
    expect(rejected.statements.length).toBeLessThanOrEqual(15);
  });
});
