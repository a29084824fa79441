import type { EventData, WorkOrderChanged } from '@legal/contracts';

type ChangedData = EventData<typeof WorkOrderChanged>;

/** How an offer ended. `withdrawn`: the work order moved on (re-offered, queued, cancelled) before an answer. */
export type OfferOutcome = 'accepted' | 'rejected' | 'expired' | 'withdrawn';

/**
 * What one lifecycle view says about offers. The view carries no offer id nor attempt number (its timeline entry has
 * no data): an offer is identified by the sequence number of the `offered` entry that made it, its attempt is its
 * rank among the work order's offers, and its organisation is the one the `offered` view names.
 * - `offer`: a new offer, to the view's organisation;
 * - `decision`: the latest undecided offer before this entry ends with `outcome` (an `offered` entry also withdraws
 *   the previous offer if it was never answered, which the caller does when it stores the new one).
 */
export type OfferStep =
  { kind: 'offer'; seq: number; at: Date } | { kind: 'decision'; seq: number; at: Date; outcome: OfferOutcome };

const ANSWERS: Readonly<Record<string, OfferOutcome>> = {
  'offer-accepted': 'accepted',
  'offer-rejected': 'rejected',
  'offer-expired': 'expired',
};

/** The offer step of a view, or null when the view leaves offers as they are. */
export function offerStepOf(view: ChangedData): OfferStep | null {
  const seq = view.entry.seq;
  const at = new Date(view.entry.at);
  if (view.entry.action === 'offered') return { kind: 'offer', seq, at };
  const answer = ANSWERS[view.entry.action];
  if (answer) return { kind: 'decision', seq, at, outcome: answer };
  // Any other change that takes the work order out of `offered` ends an offer nobody answered.
  if (view.previousStatus === 'offered' && view.status !== 'offered')
    return { kind: 'decision', seq, at, outcome: 'withdrawn' };
  return null;
}
