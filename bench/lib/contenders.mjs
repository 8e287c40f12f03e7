// The contenders, each built the way its own docs say, all pointed at the same fake Chat
// Completions endpoint. Every one exposes the same two calls: `chat()` (one small non-streaming
// request, resolves to the text) and `stream(onDelta)` (one streamed request; `onDelta` is called
// per text delta). SDK-level retries are off everywhere (maxRetries: 0), so a number never hides a
// retry. Libraries are imported on demand, so a worker process holds only its contender's code
// (peak RSS is then that contender's own).

export const MODEL = 'gpt-4o-mini';
export const API_KEY = 'sk-bench-not-a-real-key-0000000000';
export const PROMPT = 'Say hello.';
const messages = [{ role: 'user', content: PROMPT }];

/** Column order of every table, and the display names. */
export const COLUMNS = ['raw', 'switchboard', 'aisdk', 'langchain', 'portkey'];
export const NAMES = {
  raw: 'raw SDK',
  switchboard: 'Switchboard',
  aisdk: 'Vercel AI SDK',
  langchain: 'LangChain.js',
  portkey: 'Portkey gateway',
};

/** The openai SDK on its own: the floor. `defaultHeaders` serves the Portkey contender. */
export async function rawContender(url, defaultHeaders) {
  const { default: OpenAI } = await import('openai');
  const client = new OpenAI({ apiKey: API_KEY, baseURL: url, maxRetries: 0, defaultHeaders });
  return {
    client,
    async chat() {
      const completion = await client.chat.completions.create({ model: MODEL, messages });
      return completion.choices[0].message.content;
    },
    // Usage is asked for as Switchboard, the AI SDK and LangChain do: the same bytes on the wire.
    async stream(onDelta, options) {
      const stream = await client.chat.completions.create(
        { model: MODEL, messages, stream: true, stream_options: { include_usage: true } },
        options,
      );
      for await (const chunk of stream) {
        const text = chunk.choices[0]?.delta?.content;
        if (text) onDelta(text);
      }
    },
  };
}

/**
 * A registry with the OpenAI plugin registered in memory; each of its provider ids gets its own
 * base URL from `urls` (e.g. `openai` on one fake server, `openai-compatible` on another).
 */
export async function openaiRegistry(urls) {
  const { ProviderRegistry } = await import('@switchboard/core');
  const { default: openaiPlugin } = await import('@switchboard/provider-openai');
  const registry = new ProviderRegistry({
    resolveSettings: (provider) => ({ apiKey: API_KEY, baseUrl: urls[provider.id] }),
  });
  registry.register(openaiPlugin);
  return registry;
}

/**
 * Switchboard as the extension runs it: router, a fallback chain (`openai/…` first, then
 * `openai-compatible/…` at `fallbackUrl`, the same server unless given), the cost ledger (in
 * memory unless a store is given) and no cache. `model` may name an alias from `aliases`.
 */
export async function switchboardContender(url, options = {}) {
  const core = await import('@switchboard/core');
  const registry = await openaiRegistry({ openai: url, 'openai-compatible': options.fallbackUrl ?? url });
  const ledger = new core.UsageLedger({ store: options.store ?? new core.MemoryLedgerStore() });
  const sb = new core.Switchboard({
    registry,
    ledger,
    fallbacks: { [`openai/${MODEL}`]: [`openai-compatible/${MODEL}`] },
    ...(options.execution ? { execution: options.execution } : {}),
  });
  const request = { model: `openai/${MODEL}`, messages };
  return {
    sb,
    ledger,
    async chat() {
      return (await sb.chat(request)).text;
    },
    async stream(onDelta) {
      for await (const event of sb.stream(request)) if (event.type === 'text-delta') onDelta(event.text);
    },
    close: () => registry.dispose(),
  };
}

/** AI SDK: `.chat()` so it speaks Chat Completions like the others (its default is the Responses API). */
export async function aisdkModel(url) {
  const { createOpenAI } = await import('@ai-sdk/openai');
  return createOpenAI({ baseURL: url, apiKey: API_KEY }).chat(MODEL);
}

export async function aisdkContender(url) {
  const { generateText, streamText } = await import('ai');
  const model = await aisdkModel(url);
  return {
    model,
    async chat() {
      return (await generateText({ model, messages, maxRetries: 0 })).text;
    },
    async stream(onDelta) {
      const result = streamText({ model, messages, maxRetries: 0 });
      for await (const text of result.textStream) onDelta(text);
    },
  };
}

export async function langchainModel(url, extra = {}) {
  const { ChatOpenAI } = await import('@langchain/openai');
  return new ChatOpenAI({
    model: MODEL,
    apiKey: API_KEY,
    maxRetries: 0,
    configuration: { baseURL: url },
    ...extra,
  });
}

export async function langchainContender(url) {
  const model = await langchainModel(url);
  return {
    model,
    async chat() {
      return (await model.invoke(PROMPT)).content;
    },
    async stream(onDelta) {
      for await (const chunk of await model.stream(PROMPT)) if (chunk.content) onDelta(chunk.content);
    },
  };
}

/** Portkey's gateway in front of the fake: the openai SDK talks to the gateway, which forwards. */
export function portkeyContender(gatewayUrl, upstreamUrl, config) {
  const headers = config
    ? { 'x-portkey-config': JSON.stringify(config) }
    : { 'x-portkey-provider': 'openai', 'x-portkey-custom-host': upstreamUrl };
  return rawContender(gatewayUrl, headers);
}

/** Builds one contender by column key; `portkeyUrl` is the gateway's when Portkey runs. */
export function makeContender(key, url, { portkeyUrl, store } = {}) {
  switch (key) {
    case 'raw':
      return rawContender(url);
    case 'switchboard':
      return switchboardContender(url, { store });
    case 'aisdk':
      return aisdkContender(url);
    case 'langchain':
      return langchainContender(url);
    case 'portkey':
      return portkeyContender(portkeyUrl, url);
    default:
      throw new Error(`unknown contender ${key}`);
  }
}
