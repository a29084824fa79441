import { HttpStatus } from '@nestjs/common';
import { significantPrefix } from '@legal/auth';
import type { AuthUser } from '@legal/auth';
import { DomainError } from '@legal/http';
import type { FieldError } from '@legal/http';

/** What a partner client may speak for, from its identity record as its access token carries it (org, region). */
export interface PartnerBinding {
  clientId: string;
  organisationId: string | undefined;
  regionCode: string | undefined;
}

export function bindingOf(user: AuthUser): PartnerBinding {
  return { clientId: user.clientId ?? user.subject, organisationId: user.organisationId, regionCode: user.regionCode };
}

/**
 * Why a partner may not file this notice, one entry per field (empty: it may). A notified-defence notice
 * creates a granted application and starts a statutory clock, so a partner files only for its own
 * agency (organisationId) and only in its area and below (regionCode, 371302 → 371302…). A client
 * registered without an organisation or an area files nothing.
 */
export function noticeBindingProblems(
  binding: PartnerBinding,
  notice: { organisationId: string; regionCode: string },
): FieldError[] {
  const problems: FieldError[] = [];
  if (!binding.organisationId) {
    problems.push({
      field: 'organisationId',
      messages: [`partner client ${binding.clientId} is registered without an organisation, so it cannot file notices`],
      codes: ['partnerUnbound'],
    });
  } else if (notice.organisationId !== binding.organisationId) {
    problems.push({
      field: 'organisationId',
      messages: [
        `partner client ${binding.clientId} files for ${binding.organisationId} only, not ${notice.organisationId}`,
      ],
      codes: ['otherAgency'],
    });
  }
  if (!binding.regionCode) {
    problems.push({
      field: 'regionCode',
      messages: [`partner client ${binding.clientId} is registered without an area, so it cannot file notices`],
      codes: ['partnerUnbound'],
    });
  } else if (!notice.regionCode.startsWith(significantPrefix(binding.regionCode))) {
    problems.push({
      field: 'regionCode',
      messages: [
        `region ${notice.regionCode} lies outside the area of partner client ${binding.clientId} (${binding.regionCode})`,
      ],
      codes: ['outsidePartnerArea'],
    });
  }
  return problems;
}

/** 403 problem+json `notice-outside-partner-binding`, `errors[]` naming each field. */
export function assertNoticeBinding(
  binding: PartnerBinding,
  notice: { organisationId: string; regionCode: string },
): void {
  const problems = noticeBindingProblems(binding, notice);
  if (problems.length > 0) {
    throw new DomainError(
      'notice-outside-partner-binding',
      `This notice is not for your agency or your area: ${problems.map((p) => p.field).join(', ')}`,
      HttpStatus.FORBIDDEN,
      problems,
    );
  }
}

/** A notice event the consumer refuses: dead-lettered (after the handler's retries) with this message as the reason. */
export class NoticeRefusedError extends Error {
  constructor(reason: string) {
    super(`defence notice refused: ${reason}`);
    this.name = 'NoticeRefusedError';
  }
}
