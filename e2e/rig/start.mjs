// The main job (`./dev start`): VS Code (code-server) in the browser with Switchboard installed from
// this repository's .vsix, a demo configuration, stand-in OpenAI, Anthropic and Cohere servers, a
// third-party provider plugin and a local llama.cpp model — then the URL to open. Ctrl+C stops it.
//   node e2e/rig/start.mjs [--port 8080] [--session start]   (a session is a folder in .cache/sessions)
import { renameSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureCodeServer } from './install-code-server.mjs';
import { startSession } from './session.mjs';
import { packCoherePlugin } from './third-party-plugin.mjs';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '8080' }, session: { type: 'string', default: 'start' } },
});

const { version } = ensureCodeServer();
const session = await startSession({
  name: values.session,
  keysInEnvironment: true,
  localModelInstalled: true,
  port: await portOrFree(Number(values.port)),
});
const plugin = await packCoherePlugin(path.join(session.dir, 'outside'));
renameSync(plugin, path.join(session.pluginFolder, path.basename(plugin)));

const VENDORS = { openai: 'OpenAI', anthropic: 'Anthropic', cohere: 'Cohere' };
session.fakes.answerWith(
  (vendor) =>
    `This answer comes from a local stand-in for the ${VENDORS[vendor]} API (the testkit's fake server), ` +
    'streamed word by word in its exact wire format and priced at real rates. ' +
    'Run "Switchboard: Set API Key" and clear `switchboard.providers` to talk to the real service.',
);

const line = '─'.repeat(72);
console.log(`
${line}
  Switchboard is running in VS Code (code-server ${version}). Open:

    ${session.url}

  Stand-in servers: OpenAI ${session.fakes.openai.url}, Anthropic ${session.fakes.anthropic.origin},
  Cohere ${session.fakes.cohere.origin} (a third-party plugin in ${path.relative(process.cwd(), session.pluginFolder)}).
  Local model: llamacpp/tiny-chat (${path.relative(process.cwd(), session.ggufFile)}).
  Everything lives in ${path.relative(process.cwd(), session.dir)}; the extension's log is its
  "Switchboard" output channel. Press Ctrl+C to stop.
${line}
`);

const stop = async () => {
  console.log('\nStopping code-server and the stand-in servers ...');
  await session.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
await session.codeServer.exited;
console.error(`code-server stopped by itself; its log is ${session.codeServer.logFile}`);
await session.fakes.close();
process.exitCode = 1;

/** The asked-for port when it is free, else any free one (a second `./dev start` still works). */
async function portOrFree(port) {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(undefined));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(port)));
  });
}
