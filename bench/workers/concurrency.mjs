// One contender in a process of its own: warm up, then `total` requests with `concurrency` in
// flight. Reports throughput, latency percentiles and this process's peak RSS over IPC, so the
// RSS is that contender's alone (plus Node itself, measured by the `none` contender).
import { makeContender } from '../lib/contenders.mjs';
import { now, pool, quantile } from '../lib/stats.mjs';

const { key, url, portkeyUrl, total, concurrency, warmup } = JSON.parse(process.argv[2]);
let measured = { throughput: 0, p50Ms: 0, p99Ms: 0 };
if (key !== 'none') {
  const contender = await makeContender(key, url, { portkeyUrl });
  await pool(warmup, concurrency, () => contender.chat());
  globalThis.gc?.();
  const started = now();
  const latencies = await pool(total, concurrency, () => contender.chat());
  const seconds = (now() - started) / 1000;
  measured = {
    throughput: total / seconds,
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
  };
  await contender.close?.();
}
// ru_maxrss: the process's peak resident set, in KiB on Linux.
process.send({ ...measured, rssMiB: process.resourceUsage().maxRSS / 1024 }, () => process.exit(0));
