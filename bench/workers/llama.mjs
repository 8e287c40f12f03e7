// One side of the local benchmark in a process of its own: `raw` drives node-llama-cpp directly
// with the provider's own settings (same wrapper choice, context, threads, greedy sampling);
// `provider` streams through @switchboard/provider-llamacpp (generation in its worker process);
// `switchboard` streams through the Switchboard facade over that provider. It loads, warms up
// with one run, then answers each { run: maxTokens } message with one timed run, so the parent
// can alternate runs between sides; 'exit' disposes and ends.
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';

const {
  mode,
  modelPath,
  threads,
  contextSize,
  maxTokens: defaultMaxTokens,
  prompt,
} = JSON.parse(process.argv[2]);
let generate;
let dispose;
const time = async (maxTokens = defaultMaxTokens) => {
  const started = performance.now();
  const tokens = await generate(maxTokens);
  const ms = performance.now() - started;
  return { rate: tokens / (ms / 1000), tokens, ms };
};
const settings = {
  modelsDir: dirname(modelPath),
  threads: String(threads),
  contextSize: String(contextSize),
  gpu: 'off',
};
const messages = [{ role: 'user', content: prompt }];

if (mode === 'raw') {
  const lib = await import('node-llama-cpp');
  const llama = await lib.getLlama({
    gpu: false,
    build: 'never',
    skipDownload: true,
    maxThreads: threads,
    logLevel: 'error',
  });
  const model = await llama.loadModel({ modelPath });
  const context = await model.createContext({ contextSize, sequences: 1, threads });
  const sequence = context.getSequence();
  // The provider's rule: the file's chat template if it has one, else GeneralChatWrapper.
  const template = model.fileInfo.metadata.tokenizer?.chat_template;
  const wrapper =
    typeof template === 'string' && template.trim()
      ? lib.resolveChatWrapper(model, { warningLogs: false })
      : new lib.GeneralChatWrapper();
  generate = async (maxTokens) => {
    const chat = new lib.LlamaChat({ contextSequence: sequence, chatWrapper: wrapper });
    const before = sequence.tokenMeter.getState();
    await chat.generateResponse(
      [
        { type: 'user', text: prompt },
        { type: 'model', response: [] },
      ],
      { maxTokens, temperature: 0, onResponseChunk: () => {} },
    );
    const { usedOutputTokens } = lib.TokenMeter.diff(sequence.tokenMeter.getState(), before);
    chat.dispose({ disposeSequence: false });
    return usedOutputTokens;
  };
  dispose = () => llama.dispose();
} else if (mode === 'provider') {
  const { createLlamaCppProvider } = await import('@switchboard/provider-llamacpp');
  const provider = createLlamaCppProvider();
  const chat = provider.chatModel('tiny', { settings });
  generate = async (maxTokens) => {
    let tokens = 0;
    for await (const event of chat.stream({ messages, maxTokens, temperature: 0 })) {
      if (event.type === 'usage') tokens = event.usage.outputTokens;
    }
    return tokens;
  };
  dispose = () => provider.dispose();
} else {
  const { ProviderRegistry, Switchboard, UsageLedger, MemoryLedgerStore } = await import('@switchboard/core');
  const { default: plugin } = await import('@switchboard/provider-llamacpp');
  const registry = new ProviderRegistry({ resolveSettings: () => settings });
  registry.register(plugin);
  const sb = new Switchboard({ registry, ledger: new UsageLedger({ store: new MemoryLedgerStore() }) });
  generate = async (maxTokens) => {
    let tokens = 0;
    for await (const event of sb.stream({ model: 'llamacpp/tiny', messages, maxTokens, temperature: 0 })) {
      if (event.type === 'response') tokens = event.response.usage.outputTokens;
    }
    return tokens;
  };
  dispose = () => registry.dispose();
}
await time(); // loads the model where that is lazy, and warms up
process.on('message', async (message) => {
  if (message.run) return process.send(await time(message.run));
  await dispose();
  process.send('bye', () => process.exit(0));
});
// Never outlive the benchmark: a crashed parent closes the IPC channel.
process.on('disconnect', () => process.exit(0));
process.send('ready');
