/** 张三 → 张*, 欧阳娜娜 → 欧***, John Smith → J*** (for partner events and public lookups). */
export function maskName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const chars = [...name.trim()];
  if (chars.length === 0) return undefined;
  return `${chars[0]}${'*'.repeat(Math.max(1, Math.min(chars.length - 1, 3)))}`;
}
