// How figures and dates are shown: yen with commas, dates in 和暦 (the platform's Japanese calendar).

const yen = new Intl.NumberFormat("ja-JP");
const wareki = new Intl.DateTimeFormat("ja-JP-u-ca-japanese", { era: "long", year: "numeric", month: "long", day: "numeric" });

/** 1,234,567円 */
export function formatYen(amount: number): string {
  return `${yen.format(amount)}円`;
}

/** 1,234,567 (for an input field) */
export function formatAmount(amount: number): string {
  return yen.format(amount);
}

/** 2024-04-08 → 令和6年4月8日 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const [year, month, day] = iso.split("-").map(Number);
  return wareki.format(new Date(year, month - 1, day));
}

/** 2024 → 令和6年度 */
export function formatFiscalYear(year: number): string {
  const era = formatDate(`${year}-04-01`);
  return era.replace(/年.*$/, "年度");
}

/** 2024-05 → 令和6年5月, as the forms write it */
export function formatMonth(month: string): string {
  return formatDate(`${month}-01`).replace(/\d+日$/, "");
}
