/** 19.9 and 'USD' → "$19.90", 47 and 'GBP' → "£47.00"; a code Intl does not know is written out. */
export function formatMoney(amount: number, currency = 'USD'): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}
