import { IntakeRegistered, IntakeRejected } from '@legal/contracts';
import type { ConsumerRegistration, MessageConsumers } from '@legal/messaging';
import type { ReadModelLagMetric } from '../metrics/read-model-lag.metric';
import { IntakeOutcomeConsumer } from './intake-outcome.consumer';
import type { IntakeSubmissionService } from './intake-submission.service';

type Registration = ConsumerRegistration<typeof IntakeRegistered | typeof IntakeRejected>;

describe('IntakeOutcomeConsumer', () => {
  function registered(): Registration {
    let registration: Registration | undefined;
    const consumers = { register: (r: Registration) => (registration = r) } as unknown as MessageConsumers;
    new IntakeOutcomeConsumer(
      { platform: 'portal' },
      consumers,
      {} as IntakeSubmissionService,
      {} as ReadModelLagMetric,
    ).onModuleInit();
    if (!registration) throw new Error('nothing registered');
    return registration;
  }

  const event = (type: string, platform: string) =>
    ({ type, data: { ...IntakeRegistered.example, platform } }) as Parameters<NonNullable<Registration['accepts']>>[0];

  it("accepts only this platform's outcomes, so the others are acknowledged without a transaction", () => {
    const { accepts } = registered();
    expect(accepts?.(event(IntakeRegistered.type, 'portal'))).toBe(true);
    expect(accepts?.(event(IntakeRejected.type, 'portal'))).toBe(true);
    expect(accepts?.(event(IntakeRegistered.type, 'hotline'))).toBe(false);
    expect(accepts?.(event(IntakeRejected.type, 'centre'))).toBe(false);
  });
});
