// 4. Failover: the primary fake server answers 503, resets the connection before a byte, or hangs;
// a second fake server answers. Time from the request to the first text delta from the fallback,
// streamed, for Switchboard's fallback chain, a hand-written try/catch over the raw SDK and over
// the AI SDK, LangChain's withFallbacks, and Portkey's fallback config; beside the fallback
// server's own first-token latency. A hedging row: the primary is slow but alive.

import { setTimeout as sleep } from 'node:timers/promises';
import {
  API_KEY,
  aisdkModel,
  langchainModel,
  portkeyContender,
  rawContender,
  switchboardContender,
} from '../lib/contenders.mjs';
import { interleaved, now, summary } from '../lib/stats.mjs';
import { fmt, verdict } from '../lib/table.mjs';

/** First-token bound for the hang (Switchboard's execution.timeouts.firstTokenMs; the peers' request timeouts). */
const BOUND_MS = 300;
/** Hedging: the primary answers after SLOW_MS; Switchboard starts the fallback after HEDGE_MS without content. */
const SLOW_MS = 300;
const HEDGE_MS = 50;

const FAULTS = [
  ['none', 'no fault: first token, ms (primary healthy, same setup)', { text: 'Hello from the primary.' }],
  ['503', 'primary 503 → fallback: first token, ms', { kind: 'error', status: 503, message: 'Overloaded.' }],
  [
    'reset',
    'primary resets the connection → fallback: first token, ms',
    { text: 'x', faults: { resetAfterChunks: 0 } },
  ],
  [
    'hang',
    `primary hangs → fallback: first token, ms (bound ${BOUND_MS} ms)`,
    { text: 'x', faults: { hang: true } },
  ],
];

export async function failover({ quick, servers, portkey }) {
  const { primary, fallback } = servers;
  const trials = quick ? 5 : 15;
  const hangTrials = quick ? 2 : 5;
  const warmups = quick ? 3 : 8;
  await fallback.setDefault({ text: 'Hello from the fallback.' });
  const contenders = await build(primary.url, fallback.url, portkey.url);
  const keys = Object.keys(contenders.failover);

  // The fallback server's own first-token latency: the raw SDK straight to it.
  const alone = await contenders.rawFallback;
  const aloneMs = [];
  for (let i = 0; i < trials + warmups; i++) {
    const ms = await firstTokenMs((onDelta) => alone.stream(onDelta));
    if (i >= warmups) aloneMs.push(ms);
  }
  const fallbackAlone = summary(aloneMs);
  // The same, right after the loop sat idle as long as the hang's bound (or the hedge delay): on
  // this machine the first request after a quiet spell is slower, whoever makes it.
  const aloneAfter = async (idleMs, count) => {
    const times = [];
    for (let i = 0; i < count; i++) {
      await sleep(idleMs);
      times.push(await firstTokenMs((onDelta) => alone.stream(onDelta)));
    }
    return summary(times);
  };
  const aloneAfterBound = await aloneAfter(BOUND_MS, hangTrials);
  const aloneAfterHedge = await aloneAfter(HEDGE_MS, trials);

  const rows = [];
  for (const [fault, label, step] of FAULTS) {
    await primary.setDefault(step);
    const count = fault === 'hang' ? hangTrials : trials;
    for (const key of keys) {
      for (let i = 0; i < (fault === 'hang' ? 1 : warmups); i++) {
        contenders.sb.cooldowns.reset();
        await firstTokenMs(contenders.failover[key]);
      }
    }
    // No forced GC between these single short calls (see interleaved): it would cost more than they take.
    const times = await interleaved(
      keys,
      count,
      (key) => {
        contenders.sb.cooldowns.reset(); // every trial meets the failure afresh, not a cooled-down primary
        return firstTokenMs(contenders.failover[key]);
      },
      { gc: false },
    );
    const cells = Object.fromEntries(keys.map((key) => [key, summary(times[key])]));
    if (!portkey.url) cells.portkey = { na: portkey.error };
    const reference = fault === 'hang' ? aloneAfterBound : fallbackAlone;
    rows.push({ metric: label, ratio: true, cells, target: targetOf(fault, cells.switchboard, reference) });
  }

  // Hedging: the primary is slow, not failing. Raw = the slow primary alone (what waiting costs).
  await primary.setDefault({ text: 'Hello from the slow primary.', faults: { latencyMs: SLOW_MS } });
  const hedged = { raw: contenders.slowAlone, switchboard: contenders.hedged };
  for (const key of Object.keys(hedged)) for (let i = 0; i < 2; i++) await firstTokenMs(hedged[key]);
  const hedgeTimes = await interleaved(Object.keys(hedged), trials, (key) => firstTokenMs(hedged[key]), {
    gc: false,
  });
  const hedgeCell = summary(hedgeTimes.switchboard);
  const noHedging = { na: 'no hedging' };
  rows.push({
    metric: `primary slow (${SLOW_MS} ms) but alive, hedge after ${HEDGE_MS} ms: first token, ms (raw = slow primary, no hedge)`,
    ratio: true,
    cells: {
      raw: summary(hedgeTimes.raw),
      switchboard: hedgeCell,
      aisdk: noHedging,
      langchain: noHedging,
      portkey: noHedging,
    },
    target: verdict(
      hedgeCell.median <= HEDGE_MS + aloneAfterHedge.median + 5,
      `≤ ${HEDGE_MS} ms + fallback alone after ${HEDGE_MS} ms idle + 5 ms (${fmt(HEDGE_MS + aloneAfterHedge.median + 5)})`,
    ),
  });
  await contenders.close();

  return {
    id: 'failover',
    title: '4. Failover',
    settings: {
      trials,
      hangTrials,
      boundMs: BOUND_MS,
      slowMs: SLOW_MS,
      hedgeMs: HEDGE_MS,
      fallbackAloneMs: fallbackAlone,
      fallbackAloneAfterBoundIdleMs: aloneAfterBound,
      fallbackAloneAfterHedgeIdleMs: aloneAfterHedge,
    },
    rows,
    notes: [
      `The fallback server alone (raw SDK straight to it, streamed) gives its first token in ${fmt(fallbackAlone.median)} ms (${fmt(fallbackAlone.min)}–${fmt(fallbackAlone.max)}); every failover target is measured against that. For the hang and the hedge the reference is the same call made after the loop sat idle ${BOUND_MS} ms (${fmt(aloneAfterBound.median)} ms) or ${HEDGE_MS} ms (${fmt(aloneAfterHedge.median)} ms): the first request after a quiet spell is slower here, whoever makes it. ${trials} interleaved trials per row (${hangTrials} for the hang), after ${warmups} warm-up calls per contender and fault (1 for the hang).`,
      `Retries off everywhere, so the first failure moves on: openai SDK, LangChain and AI SDK \`maxRetries: 0\`; Switchboard \`execution.retry.maxAttempts: 1\` (its default of 3 would retry the 503 with backoff first) and its cooldowns reset before each trial; Portkey's config has no \`retry\`.`,
      `Hang bound ${BOUND_MS} ms everywhere: Switchboard \`execution.timeouts.firstTokenMs\`; raw SDK and LangChain \`timeout\`; AI SDK \`abortSignal: AbortSignal.timeout()\` on the primary's call; Portkey \`request_timeout\` in its config.`,
      `Raw SDK and AI SDK columns are hand-written try/catch (primary, then fallback) around the stream; LangChain uses \`primary.withFallbacks([fallback])\`; Portkey a \`strategy: fallback\` config with two targets (its request goes client → gateway → fake server).`,
      `Hedging: Switchboard \`execution.hedge.afterMs: ${HEDGE_MS}\` starts the fallback when the primary has sent no content after ${HEDGE_MS} ms, keeps the first to answer and aborts the other. The peers have no hedging.`,
    ],
  };
}

function targetOf(fault, cell, alone) {
  if (fault === 'none') return `fallback server alone: ${fmt(alone.median)} ms`;
  if (fault === 'hang') {
    const limit = BOUND_MS + alone.median + 5;
    return verdict(
      cell.median <= limit,
      `≤ bound + fallback alone after ${BOUND_MS} ms idle + 5 ms (${fmt(limit)})`,
    );
  }
  const delta = cell.median - alone.median;
  return verdict(delta <= 5, `within 5 ms of the fallback alone (${delta >= 0 ? '+' : ''}${fmt(delta)} ms)`);
}

/** Runs one streamed call; resolves to ms from the call to its first text delta (after draining it). */
async function firstTokenMs(run) {
  let first;
  const started = now();
  await run(() => {
    first ??= now();
  });
  if (first === undefined) throw new Error('no text arrived');
  return first - started;
}

async function build(primaryUrl, fallbackUrl, portkeyUrl) {
  const { streamText } = await import('ai');
  const messages = [{ role: 'user', content: 'Say hello.' }];
  const rawPrimary = await rawContender(primaryUrl);
  const rawFallback = await rawContender(fallbackUrl);
  const sbOptions = (execution) => ({ fallbackUrl, execution: { retry: { maxAttempts: 1 }, ...execution } });
  const sb = await switchboardContender(primaryUrl, sbOptions({ timeouts: { firstTokenMs: BOUND_MS } }));
  const hedged = await switchboardContender(primaryUrl, sbOptions({ hedge: { afterMs: HEDGE_MS } }));
  const aiPrimary = await aisdkModel(primaryUrl);
  const aiFallback = await aisdkModel(fallbackUrl);
  const aiStream = async (model, onDelta, timeoutMs) => {
    const result = streamText({
      model,
      messages,
      maxRetries: 0,
      onError: () => {}, // the error is handled below; the default handler would log it
      ...(timeoutMs ? { abortSignal: AbortSignal.timeout(timeoutMs) } : {}),
    });
    for await (const part of result.fullStream) {
      if (part.type === 'error') throw part.error;
      if (part.type === 'abort') throw new Error('aborted');
      if (part.type === 'text-delta') onDelta(part.text);
    }
  };
  const lcPrimary = await langchainModel(primaryUrl, { timeout: BOUND_MS });
  const lc = lcPrimary.withFallbacks([await langchainModel(fallbackUrl)]);
  const failover = {
    raw: async (onDelta) => {
      try {
        await rawPrimary.stream(onDelta, { timeout: BOUND_MS });
      } catch {
        await rawFallback.stream(onDelta);
      }
    },
    switchboard: (onDelta) => sb.stream(onDelta),
    aisdk: async (onDelta) => {
      try {
        await aiStream(aiPrimary, onDelta, BOUND_MS);
      } catch {
        await aiStream(aiFallback, onDelta);
      }
    },
    langchain: async (onDelta) => {
      for await (const chunk of await lc.stream('Say hello.')) if (chunk.content) onDelta(chunk.content);
    },
  };
  if (portkeyUrl) {
    const config = {
      strategy: { mode: 'fallback' },
      request_timeout: BOUND_MS,
      targets: [
        { provider: 'openai', api_key: API_KEY, custom_host: primaryUrl },
        { provider: 'openai', api_key: API_KEY, custom_host: fallbackUrl },
      ],
    };
    const pk = await portkeyContender(portkeyUrl, undefined, config);
    failover.portkey = (onDelta) => pk.stream(onDelta);
  }
  return {
    failover,
    sb: sb.sb,
    rawFallback,
    slowAlone: (onDelta) => rawPrimary.stream(onDelta),
    hedged: (onDelta) => hedged.stream(onDelta),
    close: async () => {
      await sb.close();
      await hedged.close();
    },
  };
}
