/**
 * Normalises what a person typed or an input method produced: NFKC folds full-width digits and letters
 * (`１２３Ｘ`, produced by Chinese IMEs) and full-width punctuation to ASCII, then surrounding whitespace
 * is trimmed.
 */
export function foldInputText(text: string): string {
  return text.normalize('NFKC').trim();
}

/** Removes spaces and every dash-like separator (hyphen, en/em dash, minus sign, non-breaking hyphen). */
export function stripSeparators(text: string): string {
  return text.replace(/[\s\-\u2010-\u2015\u2212_.]/g, '');
}
