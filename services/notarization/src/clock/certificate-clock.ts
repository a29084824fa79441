import type { Deadline } from '@legal/contracts';
import { applyDeadlinePause, computeDeadline, DeadlineComputation, ServiceDeadline, serviceType } from '@legal/domain';
import type { ClockPause, ClockStatus } from '../applications/entities/application.entity';

/** `kind` of the certificate deadline in reported deadlines. */
export const CERTIFICATE_DEADLINE_KIND = 'notarization-certificate';

/** The statutory period from the service catalogue: certificate within 15 working days of acceptance. */
export function certificatePeriod(): ServiceDeadline {
  const period = serviceType('notarization').deadlines.find((d) => d.milestone === 'certificate-issued');
  if (!period) throw new Error('the service catalogue names no certificate period for notarization');
  return period;
}

/**
 * The certificate deadline: the period counted from the acceptance (受理) of the application, each
 * finished pause (waiting for the applicant's materials, 公证程序规则: not counted) moving it by the
 * working days it consumed. Deterministic: the stored start and pauses always give the same date.
 */
export function computeCertificateClock(startedAt: Date, pauses: readonly ClockPause[]): DeadlineComputation {
  const period = certificatePeriod();
  return pauses.reduce(
    (computation, pause) =>
      applyDeadlinePause(computation, { pausedAt: new Date(pause.pausedAt), resumedAt: new Date(pause.resumedAt) }),
    computeDeadline(period.rule, startedAt, period.n),
  );
}

/** The clock as the contracts' Deadline shape. */
export function certificateDeadline(dueAt: Date, explanation: string, status: ClockStatus): Deadline {
  if (status === 'not-started') throw new Error('the certificate clock has not started');
  return {
    kind: CERTIFICATE_DEADLINE_KIND,
    dueAt: dueAt.toISOString(),
    rule: certificatePeriod().rule,
    explanation: `${certificatePeriod().basis}: ${explanation}`.slice(0, 2000),
    status,
  };
}

/** met or breached, by when the certificate was issued against the due instant. */
export function closedClockStatus(dueAt: Date, at: Date): 'met' | 'breached' {
  return at.getTime() <= dueAt.getTime() ? 'met' : 'breached';
}
