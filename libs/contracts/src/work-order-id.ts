import { createHash } from 'node:crypto';

/** Namespace of work-order ids derived from intake ids (RFC 9562 name-based UUID, SHA-1). */
const WORK_ORDER_NAMESPACE = Buffer.from('7c1f0a52e4d34b0e9a6f3d2b8c5e1a90', 'hex');

/**
 * The id of the work order an intake creates, derived from the intake id (UUID version 5), so that
 * whoever submitted the intake knows the work order's id before any event comes back. Legal aid uses
 * it to recognise the offer of the work order its own notified-defence notice created (one notice,
 * one work order, one legal-aid matter) without waiting for IntakeRegistered.
 */
export function workOrderIdForIntake(intakeId: string): string {
  const hash = createHash('sha1').update(WORK_ORDER_NAMESPACE).update(intakeId.toLowerCase()).digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
