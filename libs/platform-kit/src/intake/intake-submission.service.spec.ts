import { InvalidInputError } from '@legal/http';
import { Outbox } from '@legal/messaging';
import { Keyring, PiiProtector } from '@legal/privacy';
import type { DataSource, EntityManager } from 'typeorm';
import type { IntakeInput } from './intake-input';
import { IntakeSubmissionService } from './intake-submission.service';

// A submission the IntakeSubmitted schema refuses comes back as the caller's 400 naming the field, before anything
// is written (the manager here fails the test if it is used at all).
describe('IntakeSubmissionService.submit refusing a payload the IntakeSubmitted schema rejects', () => {
  const untouchable = new Proxy({} as EntityManager, {
    get: (_target, property) => {
      throw new Error(`the transaction was used (${String(property)}) for a refused submission`);
    },
  });
  const outbox = new Outbox('portal', undefined as unknown as ConstructorParameters<typeof Outbox>[1]);
  const pii = new PiiProtector('a-test-key-of-enough-length', '00'.repeat(32), Keyring.generateEntry('2026-12'));
  const service = new IntakeSubmissionService({ platform: 'portal' }, {} as DataSource, outbox, pii);

  const input = (overrides: Partial<IntakeInput>): IntakeInput => ({
    platformRecordId: 'web-1',
    description: '在工地干了半年活，老板拖欠工资三万元不给',
    regionCode: '371324101',
    language: 'zh',
    urgency: 'normal',
    applicant: { name: '张三', phone: '13812345678' },
    submittedBy: { role: 'citizen' },
    ...overrides,
  });

  it.each([
    ['regionCode', { regionCode: 'x' }],
    ['language', { language: 'Chinese' }],
    ['applicant.phone', { applicant: { name: '张三', phone: '12' } }],
  ])('answers InvalidInputError naming %s and writes nothing', async (field, overrides: Partial<IntakeInput>) => {
    const error = await service.submit(untouchable, input(overrides)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).errors?.map((e) => e.field)).toEqual([field]);
  });
});
