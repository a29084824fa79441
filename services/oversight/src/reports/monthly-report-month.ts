/** The month (YYYY-MM, Asia/Shanghai) an instant falls in. */
export function shanghaiMonth(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3_600_000);
  return `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}
