// A testkit fake server in a process of its own, so the client under test has its core to itself
// and the server's work is never counted against a contender. Driven over IPC by lib/servers.mjs:
// { id, op: 'default', step } sets the reply every request gets; { id, op: 'reply', step } queues
// one step for the next request only; { id, op: 'close' } stops.
import { FakeAnthropicServer, FakeOpenAIServer } from '@switchboard/testkit';

const vendor = process.argv[2] ?? 'openai';
const server = vendor === 'anthropic' ? new FakeAnthropicServer() : new FakeOpenAIServer();
await server.start();
// The fake records every request for tests; a benchmark sends hundreds of thousands.
server.requests.push = () => 0;

process.on('message', async (message) => {
  const { id, op } = message;
  if (op === 'default') server.setDefaultReply(message.step);
  if (op === 'reply') server.reply(message.step);
  if (op === 'close') {
    await server.close();
    process.send({ id, ok: true }, () => process.exit(0));
    return;
  }
  process.send({ id, ok: true });
});
// Never outlive the benchmark: a crashed parent closes the IPC channel.
process.on('disconnect', () => process.exit(0));
process.send({ ready: true, url: server.url });
