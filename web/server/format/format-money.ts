/** "12.50" + EUR -> "€12.50" / "12,50 €" by locale; the bare amount when the currency is unknown. */
export function formatMoney(amount: string, currency: string | null, locale: string): string {
  const value = Number(amount);
  if (!Number.isFinite(value)) return amount;
  if (!currency) return value.toFixed(2);
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(value);
  } catch {
    // An unknown locale or currency code: still show a usable amount.
    return `${value.toFixed(2)} ${currency}`;
  }
}
