// Short texts for numbers people read in the editor: prices, spend, token counts.

/** `$0.0042`, `$1.23`, `$120`: enough digits to see a small call's cost. */
export function formatUsd(usd: number): string {
  if (usd === 0) return '$0';
  if (Math.abs(usd) >= 100) return `$${usd.toFixed(0)}`;
  if (Math.abs(usd) >= 1) return `$${usd.toFixed(2)}`;
  if (Math.abs(usd) >= 0.01) return `$${usd.toFixed(3)}`;
  return `$${usd.toPrecision(2)}`;
}

/** `128K`, `1M`, `1.5M`, `8,192` → `8K`. */
export function formatTokens(tokens: number): string {
  if (tokens >= 1_000_000) return `${trim(tokens / 1_000_000)}M`;
  if (tokens >= 1000) return `${trim(tokens / 1000)}K`;
  return String(tokens);
}

/** `$2.50 / $10 per 1M`, `free`, or `price unknown`. */
export function formatPricePerMTok(pricing: { inputPerMTok: number; outputPerMTok: number } | null): string {
  if (!pricing) return 'price unknown';
  if (pricing.inputPerMTok === 0 && pricing.outputPerMTok === 0) return 'free';
  return `${money(pricing.inputPerMTok)} in / ${money(pricing.outputPerMTok)} out per 1M tokens`;
}

function money(usd: number): string {
  return `$${Number.isInteger(usd) ? usd : usd.toFixed(2).replace(/0$/, '')}`;
}

function trim(n: number): string {
  return n >= 10 || Number.isInteger(n) ? String(Math.round(n)) : n.toFixed(1).replace(/\.0$/, '');
}
