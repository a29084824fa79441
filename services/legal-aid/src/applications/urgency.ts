const DAY_MS = 24 * 60 * 60 * 1000;

/** 先行提供 applies when a limitation period or legal deadline expires within this many days of receipt. */
export const PROVIDE_FIRST_WINDOW_DAYS = 7;

/**
 * Whether aid is provided first and reviewed after: the matter's legal deadline (limitation period,
 * appeal or hearing date ...) falls within 7 days of receiving the application (法律援助法 第44条).
 */
export function isUrgent(receivedAt: Date, legalDeadlineAt: Date | null): boolean {
  if (!legalDeadlineAt) return false;
  return legalDeadlineAt.getTime() - receivedAt.getTime() <= PROVIDE_FIRST_WINDOW_DAYS * DAY_MS;
}
