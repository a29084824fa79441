import type { EventData, IntakeRegistered, IntakeRejected } from '@legal/contracts';
import type { Outbox } from '@legal/messaging';
import { buildDataSourceOptions, dropSchema, ensureDatabaseAndSchema } from '@legal/persistence';
import type { PiiProtector } from '@legal/privacy';
import { sentStatements, uniqueTag } from '@legal/testing';
import { randomUUID } from 'node:crypto';
import { DataSource, DataSourceOptions } from 'typeorm';
import { platformKitEntities } from '../entities';
import { platformKitMigrations } from '../migrations';
import { IntakeSubmissionService } from './intake-submission.service';
import { PlatformIntake } from './platform-intake.entity';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/legal_services';

// Recording what the work-order service made of an intake (the intake-outcome consumer's work): one UPDATE that
// answers the whole row, which the platform's listeners are given (issue 14: it was a locked SELECT and an UPDATE),
// run as a named prepared statement.
describe('IntakeSubmissionService recording outcomes (real PostgreSQL)', () => {
  const schema = uniqueTag('pkintake');
  let dataSource: DataSource;
  let intakes: IntakeSubmissionService;
  const heard: PlatformIntake[] = [];

  const submitted = async (): Promise<PlatformIntake> => {
    const intake = Object.assign(new PlatformIntake(), {
      intakeId: randomUUID(),
      platform: 'portal',
      platformRecordId: `web-${randomUUID().slice(0, 8)}`,
      status: 'submitted',
      serviceType: 'legal-aid',
      regionCode: '371324101',
      relatedCaseCode: null,
      caseCode: null,
      workOrderId: null,
      possiblyRelatedCaseCodes: [],
      rejectionReasons: null,
      submittedAt: new Date('2026-12-04T12:00:00.000Z'),
      outcomeAt: null,
    });
    await dataSource.getRepository(PlatformIntake).insert(intake);
    return intake;
  };

  beforeAll(async () => {
    await ensureDatabaseAndSchema(url, schema);
    const options = buildDataSourceOptions({
      databaseUrl: url,
      schema,
      poolSize: 2,
      applicationName: 'pk-intake-test',
      entities: platformKitEntities,
      migrations: platformKitMigrations,
      migrationsRun: true,
    });
    dataSource = new DataSource(options as DataSourceOptions);
    await dataSource.initialize();
    // Recording an outcome uses neither the outbox nor the PII protector.
    intakes = new IntakeSubmissionService(
      { platform: 'portal' },
      dataSource,
      undefined as unknown as Outbox,
      undefined as unknown as PiiProtector,
    );
    intakes.onOutcome(async (intake) => {
      heard.push(intake);
    });
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await dropSchema(url, schema);
  });

  it('records a registration in one statement and gives the listeners the whole updated row', async () => {
    const intake = await submitted();
    const at = new Date('2026-12-04T12:00:05.000Z');
    const data: EventData<typeof IntakeRegistered> = {
      intakeId: intake.intakeId,
      platform: 'portal',
      outcome: 'linked-to-existing',
      workOrderId: randomUUID(),
      caseCode: '371324-20261204-000123-X',
      possiblyRelatedCaseCodes: ['371324-20261201-000007-K'],
    } as EventData<typeof IntakeRegistered>;
    const { statements } = await sentStatements(dataSource, (m) => intakes.applyRegistered(m, data, at));
    // One UPDATE, prepared once per connection (the COMMIT is the transaction's).
    expect(statements).toEqual([{ verb: 'UPDATE', prepared: true }]);
    const expected = {
      ...intake,
      status: 'linked-to-existing',
      caseCode: data.caseCode,
      workOrderId: data.workOrderId,
      possiblyRelatedCaseCodes: ['371324-20261201-000007-K'],
      rejectionReasons: null,
      outcomeAt: at,
    };
    expect(heard.pop()).toEqual(expected);
    expect(await dataSource.getRepository(PlatformIntake).findOneBy({ intakeId: intake.intakeId })).toEqual(expected);
  });

  it('records a rejection the same way, keeping what it does not change', async () => {
    const intake = await submitted();
    const at = new Date('2026-12-04T12:00:06.000Z');
    const data = { intakeId: intake.intakeId, platform: 'portal', reasons: ['description too short'] } as EventData<
      typeof IntakeRejected
    >;
    const { statements } = await sentStatements(dataSource, (m) => intakes.applyRejected(m, data, at));
    // One UPDATE, prepared once per connection (the COMMIT is the transaction's).
    expect(statements).toEqual([{ verb: 'UPDATE', prepared: true }]);
    const expected = { ...intake, status: 'rejected', rejectionReasons: ['description too short'], outcomeAt: at };
    expect(heard.pop()).toEqual(expected);
    expect(await dataSource.getRepository(PlatformIntake).findOneBy({ intakeId: intake.intakeId })).toEqual(expected);
  });

  it('ignores an outcome for an intake it does not know, without calling the listeners', async () => {
    const count = heard.length;
    const data = { intakeId: randomUUID(), platform: 'portal', reasons: ['x'] } as EventData<typeof IntakeRejected>;
    await dataSource.transaction((m) => intakes.applyRejected(m, data, new Date()));
    expect(heard.length).toBe(count);
  });
});
