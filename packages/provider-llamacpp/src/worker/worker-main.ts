/**
 * The child process that runs llama.cpp. Some malformed GGUF files make llama.cpp abort the whole
 * process instead of throwing; here that kills only this child, and the host reports it.
 * Started by `WorkerClient` with `child_process.fork`; speaks the messages of `protocol.ts`.
 */
import type { HostMessage, WorkerEvent, WorkerMessage } from '../protocol.js';
import { downloadModel } from './download-model.js';
import { Engine } from './engine.js';
import { EventBatcher } from './event-batcher.js';
import { toWorkerError } from './worker-failure.js';

const send = (message: WorkerMessage) => {
  process.send?.(message);
};

const engine = new Engine((level, message) => send({ type: 'log', level, message }));
const running = new Map<number, AbortController>();

async function run(id: number, work: (signal: AbortSignal, emit: (event: WorkerEvent) => void) => unknown) {
  const controller = new AbortController();
  running.set(id, controller);
  const events = new EventBatcher((event) => send({ type: 'event', id, event }));
  try {
    const result = await work(controller.signal, (event) => events.push(event));
    events.flush();
    send({ type: 'result', id, result });
  } catch (error) {
    events.flush();
    send({ type: 'error', id, error: toWorkerError(error, controller.signal.aborted, engine.llamaErrors) });
  } finally {
    running.delete(id);
  }
}

process.on('message', (message: HostMessage) => {
  switch (message.type) {
    case 'cancel':
      running.get(message.id)?.abort();
      return;
    case 'load':
      return void run(message.id, () => engine.load(message.options));
    case 'chat':
      return void run(message.id, (signal, emit) => engine.chat(message.request, signal, emit));
    case 'count':
      return void run(message.id, () => engine.count(message.request));
    case 'embed':
      return void run(message.id, (signal) => engine.embed(message.values, signal));
    case 'download':
      return void run(message.id, (signal, emit) => downloadModel(message.download, signal, emit));
    case 'stats':
      return void run(message.id, () => engine.stats());
  }
});

// The host went away (editor closed, crashed): free the model instead of lingering as an orphan.
process.on('disconnect', () => {
  void engine.dispose().finally(() => process.exit(0));
});
