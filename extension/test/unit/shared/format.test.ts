import { describe, expect, it } from 'vitest';
import { formatPricePerMTok, formatTokens, formatUsd } from '../../../src/shared/format.js';

describe('format', () => {
  it('shows small costs with enough digits to be seen', () => {
    expect(formatUsd(0)).toBe('$0');
    expect(formatUsd(0.000042)).toBe('$0.000042');
    expect(formatUsd(0.0123)).toBe('$0.012');
    expect(formatUsd(1.234)).toBe('$1.23');
    expect(formatUsd(120.4)).toBe('$120');
  });

  it('shortens token counts', () => {
    expect(formatTokens(512)).toBe('512');
    expect(formatTokens(8192)).toBe('8.2K');
    expect(formatTokens(128_000)).toBe('128K');
    expect(formatTokens(1_048_576)).toBe('1M');
    expect(formatTokens(1_500_000)).toBe('1.5M');
  });

  it('prices per million tokens, free for local, unknown when missing', () => {
    expect(formatPricePerMTok({ inputPerMTok: 2.5, outputPerMTok: 10 })).toBe(
      '$2.5 in / $10 out per 1M tokens',
    );
    expect(formatPricePerMTok({ inputPerMTok: 0.15, outputPerMTok: 0.6 })).toBe(
      '$0.15 in / $0.6 out per 1M tokens',
    );
    expect(formatPricePerMTok({ inputPerMTok: 0, outputPerMTok: 0 })).toBe('free');
    expect(formatPricePerMTok(null)).toBe('price unknown');
  });
});
