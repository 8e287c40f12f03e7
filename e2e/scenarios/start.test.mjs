// The main job, `./dev start` (its build step aside): it prints a URL, and that VS Code has
// Switchboard set up with the demo configuration; Ctrl+C stops everything it started.
import { spawn } from 'node:child_process';
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { e2eDir, screenshotsDir } from '../rig/paths.mjs';
import { Workbench } from '../rig/workbench.mjs';

/** @type {import('node:child_process').ChildProcess | undefined} */
let child;
/** @type {Workbench | undefined} */
let workbench;

afterAll(async () => {
  await workbench?.close();
  child?.kill('SIGKILL');
});

describe('./dev start', () => {
  it('prints the URL of a VS Code with Switchboard, the stand-in providers, a plugin and a local model', async () => {
    const port = await freePort();
    child = spawn(process.execPath, ['rig/start.mjs', '--port', String(port), '--session', 'start-test'], {
      cwd: e2eDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await printedUrl(child, 180_000);
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/\\?folder=`));

    workbench = await Workbench.open(url, { screenshotsDir });
    await workbench.switchboardActive();
    await expect.poll(() => workbench.statusBarText(), { timeout: 30_000 }).toContain('gpt-4o-mini');
    await workbench.openChat();
    const answer = await workbench.chat('@switchboard /models');
    for (const model of [
      'openai/gpt-4o-mini',
      'anthropic/claude-haiku-5-5',
      'cohere/command-a-03-2025',
      'llamacpp/tiny-chat',
    ]) {
      expect(answer.text).toContain(model);
    }
    await workbench.screenshot('start-models');

    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await expect(exited).resolves.toBe(0);
  });
});

/** Resolves with the URL the main job prints once everything is up. */
function printedUrl(process, timeout) {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`No URL within ${timeout / 1000} s:\n${output}`)),
      timeout,
    );
    const read = (chunk) => {
      output += chunk;
      const url = /http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+/.exec(output)?.[0];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    process.stdout.on('data', read);
    process.stderr.on('data', read);
    process.once('exit', (code) => reject(new Error(`./dev start exited with ${code}:\n${output}`)));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
