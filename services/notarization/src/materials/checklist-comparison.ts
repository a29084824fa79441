import type { Provision } from './entities/application-material.entity';

export interface ChecklistItem {
  code: string;
  label: string;
  commitmentAllowed: boolean;
  sortOrder: number;
}

export interface SubmittedDocument {
  code: string;
  reference?: string;
}

export interface SubmittedCommitment {
  code: string;
  signatory: string;
}

export interface Provided {
  documents: readonly SubmittedDocument[];
  commitments: readonly SubmittedCommitment[];
}

export interface ItemOutcome extends ChecklistItem {
  provision: Provision;
  reference: string | null;
  commitmentSignatory: string | null;
  note: string | null;
}

export interface Comparison {
  /** Every item of `items`, in checklist order, with how it is met now. */
  items: ItemOutcome[];
  /** The items still missing, in checklist order. */
  missing: ItemOutcome[];
  /** Indexes of submitted documents / commitments whose code is not among `items`. */
  unknownDocuments: number[];
  unknownCommitments: number[];
}

export const COMMITMENT_NOT_ALLOWED = '该项不适用告知承诺制，须提交证明材料';

/**
 * Compares what the applicant provided with the checklist items (证明材料清单): a proof meets an item;
 * a signed commitment (告知承诺制) meets it only where the catalogue allows; anything else is missing
 * (and says so when a commitment was offered in vain). Codes outside the checklist are reported back.
 */
export function compareWithChecklist(items: readonly ChecklistItem[], provided: Provided): Comparison {
  const known = new Set(items.map((i) => i.code));
  const documents = new Map(provided.documents.map((d) => [d.code, d]));
  const commitments = new Map(provided.commitments.map((c) => [c.code, c]));
  const outcomes = [...items]
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((item): ItemOutcome => {
      const document = documents.get(item.code);
      if (document)
        return {
          ...item,
          provision: 'document',
          reference: document.reference ?? null,
          commitmentSignatory: null,
          note: null,
        };
      const commitment = commitments.get(item.code);
      if (commitment && item.commitmentAllowed)
        return {
          ...item,
          provision: 'commitment',
          reference: null,
          commitmentSignatory: commitment.signatory,
          note: null,
        };
      return {
        ...item,
        provision: 'missing',
        reference: null,
        commitmentSignatory: null,
        note: commitment ? COMMITMENT_NOT_ALLOWED : null,
      };
    });
  return {
    items: outcomes,
    missing: outcomes.filter((o) => o.provision === 'missing'),
    unknownDocuments: provided.documents.flatMap((d, i) => (known.has(d.code) ? [] : [i])),
    unknownCommitments: provided.commitments.flatMap((c, i) => (known.has(c.code) ? [] : [i])),
  };
}

/** The one-time notice (一次性告知) text: every missing item at once, with why a commitment did not do. */
export function oneTimeNoticeText(matterName: string, missing: readonly ItemOutcome[]): string {
  const lines = missing.map((m, i) => `${i + 1}. ${m.label}${m.note ? `（${m.note}）` : ''}`);
  return `您申请的${matterName}尚缺以下材料，请一次性补齐后提交（补齐前办理期限暂停计算）：\n${lines.join('\n')}`.slice(
    0,
    4000,
  );
}
