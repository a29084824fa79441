/** A GitHub-flavoured Markdown table; numbers are printed as given (NaN as "—"). */
export function table(header: readonly string[], rows: readonly (readonly (string | number | undefined)[])[]): string {
  const cell = (v: string | number | undefined): string => {
    if (v === undefined) return '—';
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '—';
    return v.replace(/\|/g, '\\|');
  };
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const row of rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
  return lines.join('\n');
}

export function ms(v: number): string {
  return Number.isFinite(v) ? `${Math.round(v * 10) / 10} ms` : '—';
}

export function times(v: number): string {
  return Number.isFinite(v) ? `${v}×` : '—';
}
