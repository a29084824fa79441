/** Edit distance (insertions, deletions, substitutions) between two strings, by characters. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length];
}

/**
 * How alike two personal names are, 0..1: the same name 1, one character typed differently (张三 /
 * 张山, a homophone slip) 0.8, one character more or less 0.7, anything else 0. Names are compared
 * without spaces and in full-width-insensitive form.
 */
export function nameSimilarity(a: string, b: string): number {
  const left = normaliseName(a);
  const right = normaliseName(b);
  if (left === '' || right === '') return 0;
  if (left === right) return 1;
  const distance = editDistance(left, right);
  if (distance !== 1) return 0;
  return [...left].length === [...right].length ? 0.8 : 0.7;
}

/** A name as names are compared (nameSimilarity, the name index): full-width-insensitive, without spaces. */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}
