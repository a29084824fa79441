import type { ValueTransformer } from 'typeorm';

/** numeric(12,2) columns come back from pg as strings; amounts in yuan are numbers in code. */
export const moneyTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** Yuan to whole fen, so comparisons never suffer from binary fractions. */
export function toFen(yuan: number): number {
  return Math.round(yuan * 100);
}

export function fenToYuan(fen: number): number {
  return fen / 100;
}
