import type { SummaryRow } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { escapeHtml, usageHtml } from '../../../src/features/usage/usage-html.js';

function row(day: string, model: string, costUsd: number, unpricedRequests = 0): SummaryRow {
  return {
    day,
    model,
    requests: 2,
    inputTokens: 1200,
    outputTokens: 300,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    reasoningTokens: 0,
    costUsd,
    unpricedRequests,
  };
}

const today = new Date(2025, 5, 30, 12);
const page = (rows: SummaryRow[]) => usageHtml({ rows, days: 30, today, nonce: 'NONCE123' });

describe('usageHtml', () => {
  it('has a strict content security policy: nothing from the network, style and script by nonce', () => {
    const html = page([row('2025-06-30', 'openai/gpt-4o', 0.5)]);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(csp).toBe(
      "default-src 'none'; img-src data:; style-src 'nonce-NONCE123'; script-src 'nonce-NONCE123'",
    );
    expect(html).toContain('<style nonce="NONCE123">');
    expect(html).toContain('<script nonce="NONCE123">');
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    expect(html).not.toMatch(/ style="/);
  });

  it('escapes model names everywhere', () => {
    const html = page([row('2025-06-30', 'x/<img src=x onerror=alert(1)>', 0.5)]);
    expect(html).not.toContain('<img');
    expect(html).toContain('x/&lt;img src=x onerror=alert(1)&gt;');
  });

  it('sums the month, lists models by cost, and notes unpriced requests', () => {
    const html = page([
      row('2025-06-29', 'cheap/a', 0.25),
      row('2025-06-30', 'dear/b', 2),
      row('2025-06-30', 'unknown/c', 0, 2),
    ]);
    expect(html).toContain('<strong>$2.25</strong> in 30 days · 6 requests · 3.6K tokens in, 900 out.');
    expect(html).toContain('2 requests of models without a known price are not included.');
    expect(html.indexOf('<td>dear/b</td>')).toBeLessThan(html.indexOf('<td>cheap/a</td>'));
    expect(html).toContain('price unknown');
  });

  it('leaves out rows older than the range and says so when nothing is left', () => {
    const html = page([row('2025-05-01', 'old/m', 3)]);
    expect(html).toContain('No requests in the last 30 days');
    expect(html).not.toContain('old/m');
  });

  it('charts tokens when nothing had a price', () => {
    expect(page([row('2025-06-30', 'llamacpp/m', 0)])).toContain('Tokens per day');
  });
});

describe('escapeHtml', () => {
  it('escapes the five special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
