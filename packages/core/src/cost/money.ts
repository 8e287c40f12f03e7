/** `$1.50`, `$0.0125`, `$0.0001`: two decimals, up to four when the amount needs them. */
export function formatUsd(usd: number): string {
  const fixed = usd.toFixed(4).replace(/(\.\d{2}\d*?)0+$/, '$1');
  return `$${fixed}`;
}
