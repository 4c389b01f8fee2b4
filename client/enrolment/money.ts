/** Fees: the server counts in fen (1/100 yuan); people type and read yuan. */

/** "280", "280.5", "280.50", "¥280", "1,280" → fen; null when it is not an amount (negative, three decimals, words). */
export function yuanToCents(text: string | number | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const clean = String(text).trim().replace(/^[¥￥]/, '').replaceAll(',', '').replaceAll('，', '').trim();
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(clean);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 28000 → "280", 28050 → "280.50": whole yuan without decimals, as fees are usually set. */
export function centsToYuan(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  const yuan = Math.floor(abs / 100);
  const fen = abs % 100;
  return `${sign}${yuan}${fen === 0 ? '' : `.${String(fen).padStart(2, '0')}`}`;
}
