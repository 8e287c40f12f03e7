// 2. Streaming: one long stream (20,000 text deltas, no latency) per trial; chunks per second
// over the whole stream (request to last delta) and time to first token.
import { makeContender } from '../lib/contenders.mjs';
import { interleaved, now, summarizeFields, summary } from '../lib/stats.mjs';
import { verdict } from '../lib/table.mjs';

export async function streaming({ quick, servers, portkey }) {
  const chunks = quick ? 5000 : 20_000;
  const trials = quick ? 2 : 8;
  const server = servers.primary;
  const textChunks = Array.from({ length: chunks }, (_, i) => `w${i % 10} `);
  await server.setDefault({ text: textChunks.join(''), textChunks });

  const keys = ['raw', 'switchboard', 'aisdk', 'langchain'];
  if (portkey.url) keys.push('portkey');
  const contenders = {};
  for (const key of keys) contenders[key] = await makeContender(key, server.url, { portkeyUrl: portkey.url });
  for (const key of keys) await contenders[key].stream(() => {}); // warm-up: one whole stream each

  // After the forced GC, one short untimed stream (queued on the server for that request only).
  const prime = async (key) => {
    await server.replyOnce({ text: 'A short stream to warm up after the GC.' });
    await contenders[key].stream(() => {});
  };
  const trialsByKey = await interleaved(
    keys,
    trials,
    async (key) => {
      let first;
      let count = 0;
      const started = now();
      await contenders[key].stream(() => {
        first ??= now();
        count++;
      });
      const ms = now() - started;
      if (count !== chunks) throw new Error(`${key} delivered ${count} of ${chunks} deltas`);
      return { chunksPerSecond: (count / ms) * 1000, ttftMs: first - started, totalMs: ms };
    },
    { prime },
  );
  await contenders.switchboard.close();
  const ceiling = await wireCeiling(server.url, trials);

  const stats = Object.fromEntries(
    keys.map((key) => [key, summarizeFields(trialsByKey[key], ['chunksPerSecond', 'ttftMs'])]),
  );
  const column = (field) => ({
    ...Object.fromEntries(keys.map((key) => [key, stats[key][field]])),
    ...(portkey.url ? {} : { portkey: { na: portkey.error } }),
  });
  const ratio = stats.switchboard.chunksPerSecond.median / stats.raw.chunksPerSecond.median;
  return {
    id: 'streaming',
    title: '2. Streaming',
    settings: { chunks, trials },
    rows: [
      {
        metric: `chunks/s over one ${chunks.toLocaleString('en-US')}-delta stream (higher is better)`,
        ratio: true,
        cells: column('chunksPerSecond'),
        target: verdict(ratio >= 0.95, `≥ 0.95x raw (${ratio.toFixed(2)}x)`),
      },
      { metric: 'time to first token, ms', ratio: true, cells: column('ttftMs') },
    ],
    notes: [
      `${trials} interleaved trials after one warm-up stream each; every contender received all ${chunks.toLocaleString('en-US')} deltas. The fake server writes one SSE event per write (20,000 small writes).`,
      `Wire ceiling: a bare \`fetch\` reading the same stream's bytes without parsing them takes ${ceiling.median.toFixed(0)} ms (${ceiling.min.toFixed(0)}–${ceiling.max.toFixed(0)}), i.e. ${Math.round((chunks / ceiling.median) * 1000).toLocaleString('en-US')} chunks/s: the server's and the socket's share, which no client can beat.`,
    ],
  };
}

/** The same request through bare fetch, reading bytes only: how fast the server and socket go. */
async function wireCeiling(url, trials) {
  const body = JSON.stringify({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'Say hello.' }],
    stream: true,
    stream_options: { include_usage: true },
  });
  const times = [];
  for (let i = 0; i <= trials; i++) {
    const started = now();
    const res = await fetch(`${url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
      body,
    });
    for await (const _ of res.body);
    if (i > 0) times.push(now() - started);
  }
  return summary(times);
}
