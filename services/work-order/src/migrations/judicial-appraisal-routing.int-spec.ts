import { messagingMigrations } from '@legal/messaging';
import { buildDataSourceOptions, dropSchema, ensureDatabaseAndSchema } from '@legal/persistence';
import { uniqueTag } from '@legal/testing';
import { DataSource, DataSourceOptions } from 'typeorm';
import { WorkOrderEntities } from '../work-order.entities';
import { JudicialAppraisalRouting1764900000000 } from './1764900000000-judicial-appraisal-routing';
import { WorkOrderMigrations } from '.';

interface RuleRow {
  rule_key: string;
  revision: number;
  params: { serviceTypes: string[]; organisationKinds: string[] };
  superseded_at: Date | null;
}

describe('migration 1764900000000 (judicial appraisal becomes a handler service)', () => {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/legal_services';
  const schema = uniqueTag('wojar').replace(/-/g, '_').toLowerCase();
  let db: DataSource;

  beforeAll(async () => {
    await ensureDatabaseAndSchema(url, schema);
    const before = WorkOrderMigrations.filter((m) => m !== JudicialAppraisalRouting1764900000000);
    const options = buildDataSourceOptions({
      databaseUrl: url,
      schema,
      poolSize: 2,
      applicationName: 'work-order-ja-migration',
      entities: WorkOrderEntities,
      migrations: [...messagingMigrations, ...before],
      migrationsRun: false,
    });
    db = new DataSource({ ...options, logging: false } as DataSourceOptions);
    await db.initialize();
    await db.runMigrations({ transaction: 'each' });
  });

  afterAll(async () => {
    await db?.destroy();
    await dropSchema(url, schema);
  });

  const rules = (key: string): Promise<RuleRow[]> =>
    db.query(`SELECT * FROM "${schema}"."routing_rule" WHERE "rule_key" = $1 ORDER BY "revision"`, [key]);
  const migrate = async (): Promise<void> => {
    const runner = db.createQueryRunner();
    try {
      await new JudicialAppraisalRouting1764900000000().up(runner);
    } finally {
      await runner.release();
    }
  };

  it('upgrades a schema seeded before: adds the handler rule, revises the referral rule, cleans centres', async () => {
    // A schema seeded before the registry entry: no appraisal rule, the referral rule with the type.
    await db.query(`DELETE FROM "${schema}"."routing_rule" WHERE "rule_key" = 'handler.judicial-appraisal'`);
    await db.query(
      `UPDATE "${schema}"."routing_rule"
       SET "params" = jsonb_set("params", '{serviceTypes}', '["lawyer-referral","judicial-appraisal","arbitration"]')
       WHERE "rule_key" = 'handler.referral-agencies'`,
    );
    await db.query(
      `INSERT INTO "${schema}"."organisation" ("id", "name", "kind", "level", "region_code", "handler", "service_types",
         "duty_hours", "address", "phone", "active", "seeded")
       VALUES ('org-371324-centre', '兰陵县公共法律服务中心', 'public-legal-service-centre', 'county', '371324',
         'external-agency', ARRAY['legal-consultation','judicial-appraisal','arbitration'], '{}', '兰陵县', '12348',
         true, true)`,
    );

    await migrate();
    const appraisal = await rules('handler.judicial-appraisal');
    expect(appraisal).toHaveLength(1);
    expect(appraisal[0]).toMatchObject({
      revision: 1,
      params: { serviceTypes: ['judicial-appraisal'], organisationKinds: ['appraisal-institution'] },
    });
    const referral = await rules('handler.referral-agencies');
    expect(referral.map((r) => [r.revision, r.superseded_at === null])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(referral[1]?.params.serviceTypes).toEqual(['lawyer-referral', 'arbitration']);
    const [centre] = await db.query(
      `SELECT "service_types" FROM "${schema}"."organisation" WHERE "id" = 'org-371324-centre'`,
    );
    expect(centre.service_types).toEqual(['legal-consultation', 'arbitration']);

    // Run again (a schema that already has it): nothing changes.
    await migrate();
    expect(await rules('handler.judicial-appraisal')).toHaveLength(1);
    expect(await rules('handler.referral-agencies')).toHaveLength(2);
  });
});
