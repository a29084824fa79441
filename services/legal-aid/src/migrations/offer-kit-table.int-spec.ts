import { InboxMessage, messagingEntities, messagingMigrations } from '@legal/messaging';
import { buildDataSourceOptions } from '@legal/persistence';
import { Offer, unsealApplicant } from '@legal/handler-kit';
import { Keyring, PiiProtector } from '@legal/privacy';
import { uniqueTag } from '@legal/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { presentOffer } from '../offers/offer-view';
import { LegalAidSchema1764310400000 } from './1764310400000-legal-aid-schema';
import { LegalAidReferenceData1764310400001 } from './1764310400001-legal-aid-reference-data';
import { LegalAidMigrations } from '.';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/legal_services';
const pii = new PiiProtector('a-test-key-of-enough-length', '00'.repeat(32), Keyring.generateEntry('2026-12'));

function dataSource(schema: string, migrations: unknown[]): DataSource {
  return new DataSource(
    buildDataSourceOptions({
      databaseUrl: url,
      schema,
      poolSize: 2,
      applicationName: 'legal-aid-offer-kit-migration',
      entities: [...messagingEntities, Offer] as typeof messagingEntities,
      migrations: [...messagingMigrations, ...migrations] as typeof messagingMigrations,
      migrationsRun: false,
    }),
  );
}

describe('legal-aid offer table moved forward to the handler kit (migration 1764310400002)', () => {
  const schema = uniqueTag('laofferkit');
  let db: DataSource | undefined;

  afterAll(async () => {
    await db?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await db?.destroy();
  });

  it('keeps every offer, outcome, application and sealed applicant, inbox ids under the new group', async () => {
    const before = dataSource(schema, [LegalAidSchema1764310400000, LegalAidReferenceData1764310400001]);
    await before.initialize();
    await before.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await before.runMigrations();
    const insert = async (status: string, columns: Record<string, unknown>): Promise<string> => {
      const id = randomUUID();
      const row: Record<string, unknown> = {
        id,
        work_order_id: randomUUID(),
        case_code: '371324-20261204-000001-7',
        organisation_id: 'org-371324-legal-aid',
        organisation_name: '兰陵县法律援助中心',
        organisation_region_code: '371324',
        region_code: '371324101',
        service_type: 'legal-aid',
        description: '老板拖欠工资三万元',
        urgency: 'normal',
        vulnerable_group: false,
        origin_platform: 'hotline',
        received_at: new Date(),
        offered_at: new Date(),
        expires_at: new Date(Date.now() + 3600_000),
        attempt: 1,
        status,
        ...columns,
      };
      const names = Object.keys(row);
      await before.query(
        `INSERT INTO "${schema}"."offer" (${names.map((n) => `"${n}"`).join(', ')}) ` +
          `VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})`,
        Object.values(row),
      );
      return id;
    };
    const applicationId = randomUUID();
    const open = await insert('open', {
      event_id: null,
      applicant_name_sealed: pii.encrypt('张三'),
      applicant_phone_sealed: pii.encrypt('13812345678'),
      applicant_phone_hash: pii.hash('13812345678'),
      applicant_address_sealed: pii.encrypt('兰陵县卞庄街道'),
    });
    const rejected = await insert('rejected', {
      event_id: 'evt-rejected',
      outcome_code: 'conflict-of-interest',
      outcome_reason: '曾代理对方',
    });
    const withdrawn = await insert('withdrawn', {
      event_id: 'evt-withdrawn',
      outcome_code: 'reassigned',
      outcome_reason: 'withdrawn by the router: reassigned',
    });
    const accepted = await insert('accepted', {
      event_id: 'evt-accepted',
      application_id: applicationId,
      outcome_reason: 'withdrawn by the router after acceptance: cancelled',
    });
    const expired = await insert('expired', {
      event_id: 'evt-expired',
      outcome_code: 'expired',
      outcome_reason: 'not accepted before expiresAt',
    });
    await before.query(
      `INSERT INTO "${schema}"."inbox_message" ` +
        `("consumer_group", "event_id", "event_type", "source_topic", "source_partition", "source_offset") ` +
        `VALUES ('offers', 'evt-accepted', 'legal.workorder.dispatched.v1', 't', 0, 7), ` +
        `('intake', 'evt-other', 'x', 't', 0, 1)`,
    );
    await before.destroy();

    db = dataSource(schema, LegalAidMigrations);
    await db.initialize();
    await db.runMigrations();
    const offers = db.getRepository(Offer);
    const view = async (id: string): Promise<ReturnType<typeof presentOffer>> => {
      const offer = await offers.findOneByOrFail({ id });
      return presentOffer(offer, unsealApplicant(pii, offer.applicantSealed));
    };

    const openRow = await offers.findOneByOrFail({ id: open });
    const applicant = unsealApplicant(pii, openRow.applicantSealed);
    expect(applicant).toEqual({ name: '张三', phone: '13812345678', address: '兰陵县卞庄街道' });
    expect(openRow).toMatchObject({ applicantPhoneHash: pii.hash('13812345678'), applicantIdCardHash: null });
    expect(openRow.dispatchEventId).toBe(open);
    const rejectedRow = await offers.findOneByOrFail({ id: rejected });
    expect(rejectedRow).toMatchObject({ rejectionReasonCode: 'conflict-of-interest', rejectionReason: '曾代理对方' });
    const acceptedRow = await offers.findOneByOrFail({ id: accepted });
    expect(acceptedRow).toMatchObject({ matterId: applicationId, withdrawalReason: 'cancelled' });
    expect(acceptedRow.dispatchEventId).toBe('evt-accepted');
    // What legal-aid's offers API answered before, it answers after.
    const withdrawal = { outcomeCode: 'reassigned', outcomeReason: 'withdrawn by the router: reassigned' };
    expect(await view(withdrawn)).toMatchObject(withdrawal);
    const late = 'withdrawn by the router after acceptance: cancelled';
    expect(await view(accepted)).toMatchObject({ applicationId, outcomeReason: late });
    const expiry = { outcomeCode: 'expired', outcomeReason: 'not accepted before expiresAt' };
    expect(await view(expired)).toMatchObject(expiry);
    expect((await view(open)).applicant).toMatchObject({ address: '兰陵县卞庄街*' });

    const inbox = await db.getRepository(InboxMessage).find({ order: { consumerGroup: 'ASC', eventId: 'ASC' } });
    expect(inbox.map((m) => [m.consumerGroup, m.eventId])).toEqual([
      ['dispatch', 'evt-accepted'],
      ['intake', 'evt-other'],
      ['offers', 'evt-accepted'],
    ]);
    const sql = `SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND tablename = 'offer' ORDER BY 1`;
    const indexes = (await db.query(sql, [schema])) as { indexname: string }[];
    const common = ['ix_offer_status_expires_at', 'ix_offer_work_order_id', 'pk_offer'];
    expect(indexes.map((i) => i.indexname)).toEqual(common);
  });
});
