import type { FieldError } from '@legal/http';
import type { SubmittedCommitmentDto, SubmittedDocumentDto } from './dto/submitted-material.dto';

/** Clock skew tolerated between a client's "now" and ours. */
const SKEW_MS = 60_000;

/** A received-at instant must lie between `earliest` and now. */
export function receivedAtErrors(field: string, receivedAt: Date, earliest: Date, now: Date): FieldError[] {
  if (receivedAt.getTime() > now.getTime() + SKEW_MS)
    return [{ field, messages: [`${field} must not be in the future`], codes: ['notInFuture'] }];
  if (receivedAt.getTime() < earliest.getTime()) {
    return [{ field, messages: [`${field} must not be before ${earliest.toISOString()}`], codes: ['notBefore'] }];
  }
  return [];
}

/** Each item code at most once among the proofs and once among the commitments. */
export function duplicateErrors(
  documents: readonly SubmittedDocumentDto[],
  commitments: readonly SubmittedCommitmentDto[],
): FieldError[] {
  const errors: FieldError[] = [];
  const seenDocuments = new Set<string>();
  documents.forEach((d, i) => {
    if (seenDocuments.has(d.code))
      errors.push({ field: `materials[${i}].code`, messages: [`${d.code} is listed twice`], codes: ['duplicate'] });
    seenDocuments.add(d.code);
  });
  const seenCommitments = new Set<string>();
  commitments.forEach((c, i) => {
    if (seenCommitments.has(c.code))
      errors.push({ field: `commitments[${i}].code`, messages: [`${c.code} is listed twice`], codes: ['duplicate'] });
    seenCommitments.add(c.code);
  });
  return errors;
}

export function unknownCodeErrors(
  list: 'materials' | 'commitments',
  indexes: readonly number[],
  codes: readonly string[],
  what: string,
): FieldError[] {
  return indexes.map((i) => ({
    field: `${list}[${i}].code`,
    messages: [`${codes[i] ?? ''} is not ${what}`],
    codes: ['unknownItem'],
  }));
}
