/**
 * Appraisal categories (司法鉴定业务类别) an institution is licensed for and an appraiser is qualified in
 * (《司法鉴定程序通则》 and the registration rules: 法医类、物证类、声像资料、环境损害). Codes are stored; never
 * rename one.
 */
export const APPRAISAL_CATEGORIES = [
  { code: 'forensic-medicine', labelZh: '法医类', labelEn: 'Forensic medicine' },
  { code: 'physical-evidence', labelZh: '物证类', labelEn: 'Physical evidence' },
  { code: 'audio-visual', labelZh: '声像资料', labelEn: 'Audio-visual material' },
  { code: 'environmental-damage', labelZh: '环境损害', labelEn: 'Environmental damage' },
] as const;

export type AppraisalCategory = (typeof APPRAISAL_CATEGORIES)[number]['code'];

export const APPRAISAL_CATEGORY_CODES: readonly AppraisalCategory[] = APPRAISAL_CATEGORIES.map((c) => c.code);

export function categoryLabel(code: string): string {
  const category = APPRAISAL_CATEGORIES.find((c) => c.code === code);
  return category ? `${category.labelZh} (${category.code})` : code;
}
