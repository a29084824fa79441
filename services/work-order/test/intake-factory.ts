import { IntakeSubmitted } from '@legal/contracts';
import type { EventData } from '@legal/contracts';
import { idCardCheckCharacter } from '@legal/domain';
import { randomInt, randomUUID } from 'node:crypto';

export type IntakeData = EventData<typeof IntakeSubmitted>;

/** Sequence numbers already handed out per region and birth date in this test process. */
const issuedSequences = new Map<string, Set<number>>();

/**
 * A valid GB 11643 number (region, birth date, a random sequence, the right check character), never the same
 * twice in one test process: two applicants with one number are one person to work-order, whose second request
 * of the same type is linked to the first (`linked-to-existing`), so a repeated random number made unrelated
 * tests flaky (CI, 2026-12-05: 1 in 1000 per pair of applicants).
 */
export function validIdCard(region = '371324', birthDate = '19850301'): string {
  const key = `${region}${birthDate}`;
  const issued = issuedSequences.get(key) ?? new Set<number>();
  issuedSequences.set(key, issued);
  if (issued.size >= 1000) throw new Error(`all 1000 ID numbers for ${key} are taken in this test process`);
  let sequence = randomInt(0, 1000);
  while (issued.has(sequence)) sequence = (sequence + 1) % 1000;
  issued.add(sequence);
  const first17 = `${key}${String(sequence).padStart(3, '0')}`;
  return `${first17}${idCardCheckCharacter(first17)}`;
}

export function randomMobile(): string {
  return `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}

/** A well-formed intake; every test names what it changes. */
export function intake(overrides: Partial<IntakeData> = {}): IntakeData {
  return {
    intakeId: randomUUID(),
    platform: 'hotline',
    platformRecordId: `call-${randomUUID().slice(0, 8)}`,
    submittedAt: new Date().toISOString(),
    serviceType: 'legal-aid',
    description: '在工地干了半年活，老板拖欠工资三万元不给，想讨薪',
    regionCode: '371324102',
    language: 'zh',
    urgency: 'normal',
    vulnerableGroup: true,
    applicant: { name: '张三', idCardNumber: validIdCard(), phone: randomMobile() },
    submittedBy: { userId: 'agent-17', role: 'hotline-agent' },
    ...overrides,
  };
}

/** The same instant on a Shanghai working-day morning: Monday 2025-12-01 10:00 +08:00. */
export const WORKDAY_MORNING = '2025-12-01T02:00:00.000Z';
