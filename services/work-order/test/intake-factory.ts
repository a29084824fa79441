import { IntakeSubmitted } from '@legal/contracts';
import type { EventData } from '@legal/contracts';
import { idCardCheckCharacter } from '@legal/domain';
import { randomInt, randomUUID } from 'node:crypto';

export type IntakeData = EventData<typeof IntakeSubmitted>;

/** A valid GB 11643 number: the region, a birth date and a random sequence, with the right check character. */
export function validIdCard(region = '371324', birthDate = '19850301'): string {
  const first17 = `${region}${birthDate}${String(randomInt(0, 1000)).padStart(3, '0')}`;
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
