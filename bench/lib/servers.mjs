// Starts child processes the benchmark talks to over 127.0.0.1: testkit fake servers (scripted
// over IPC) and the Portkey gateway. Each runs on its own process, off the measured event loop.
import { fork, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** A fake vendor server in a child process: `url` for the SDK, `setDefault(step)` to script it. */
export async function startFakeServer(vendor = 'openai') {
  const child = fork(join(here, '..', 'workers', 'fake-server.mjs'), [vendor], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map();
  let seq = 0;
  const url = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`fake ${vendor} server exited (${code})`)));
    child.on('message', (message) => {
      if (message.ready) resolve(message.url);
      else pending.get(message.id)?.(message);
    });
  });
  const send = (payload) =>
    new Promise((resolve) => {
      const id = ++seq;
      pending.set(id, () => {
        pending.delete(id);
        resolve();
      });
      child.send({ id, ...payload });
    });
  return {
    url,
    pid: child.pid,
    /** Every request gets this scripted step (a reply or an error, with faults) until changed. */
    setDefault: (step) => send({ op: 'default', step }),
    /** Only the next request gets this step; later ones get the default again. */
    replyOnce: (step) => send({ op: 'reply', step }),
    close: async () => {
      if (child.exitCode === null) await send({ op: 'close' });
    },
  };
}

/** Whether the locally installed Portkey gateway can run, and why not if it cannot. */
export function portkeyEntry() {
  try {
    const pkg = require.resolve('@portkey-ai/gateway/package.json');
    return { entry: join(dirname(pkg), 'build', 'start-server.js') };
  } catch (error) {
    return { error: `@portkey-ai/gateway not resolvable: ${error.message}` };
  }
}

/** Runs Portkey's open-source gateway (Hono on Node) on a free 127.0.0.1 port; resolves once it answers. */
export async function startPortkey(port) {
  const { entry, error } = portkeyEntry();
  if (error) throw new Error(error);
  const preload = join(here, '..', 'workers', 'portkey-preload.mjs');
  const child = spawn(process.execPath, ['--import', preload, entry, `--port=${port}`, '--headless'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Portkey gateway exited: ${stderr.slice(-400)}`);
    try {
      const res = await fetch(origin);
      await res.arrayBuffer();
      break;
    } catch {
      if (Date.now() > deadline) throw new Error('Portkey gateway did not start in 15 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url: `${origin}/v1`,
    pid: child.pid,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
