import {
  type CallOptions,
  type ChatRequest,
  definePlugin,
  type GenerateResult,
  type ModelStreamEvent,
  messageText,
  type ProviderPlugin,
  toSwitchboardError,
} from '@switchboard/core';

/** Defects for the unscripted checks, as for the scripted ones. */
export const LOCAL_QUIRKS = ['ignore-abort', 'silent'] as const;
export type LocalQuirk = (typeof LOCAL_QUIRKS)[number];

/**
 * An in-process "model" for the unscripted half of the suite: it answers by repeating the
 * prompt's words, one token every few milliseconds, as a local model would, and stops on abort.
 */
export function createLocalPlugin(quirks: readonly LocalQuirk[] = []): ProviderPlugin {
  const has = (quirk: LocalQuirk) => quirks.includes(quirk);

  async function* stream(request: ChatRequest, options: CallOptions = {}): AsyncIterable<ModelStreamEvent> {
    const prompt = request.messages.map(messageText).join(' ').split(/\s+/).filter(Boolean);
    const limit = request.maxTokens ?? 16;
    let produced = 0;
    try {
      for (let i = 0; i < limit && !has('silent'); i++) {
        await tick(has('ignore-abort') ? undefined : options.signal);
        yield { type: 'text-delta', text: `${prompt[i % prompt.length] ?? 'word'} ` };
        produced++;
      }
    } catch (error) {
      throw toSwitchboardError(error, { provider: 'local-ref' });
    }
    yield { type: 'usage', usage: { inputTokens: prompt.length, outputTokens: produced } };
    yield { type: 'finish', reason: produced === limit ? 'length' : 'stop' };
  }

  return definePlugin({
    name: `local-reference${quirks.length ? `-${quirks.join('-')}` : ''}`,
    providers: [
      {
        id: 'local-ref',
        displayName: 'Local reference',
        local: true,
        async listModels() {
          return [{ id: 'tiny', kind: 'chat', capabilities: {}, contextWindow: 512, local: true }];
        },
        chatModel: (modelId) => ({
          provider: 'local-ref',
          modelId,
          stream,
          async generate(request, options): Promise<GenerateResult> {
            const result: GenerateResult = {
              text: '',
              toolCalls: [],
              usage: { inputTokens: 0, outputTokens: 0 },
              finishReason: 'stop',
            };
            for await (const event of stream(request, options)) {
              if (event.type === 'text-delta') result.text += event.text;
              if (event.type === 'usage') result.usage = event.usage;
              if (event.type === 'finish') result.finishReason = event.reason;
            }
            return result;
          },
          async countTokens(request) {
            return request.messages.map(messageText).join(' ').split(/\s+/).filter(Boolean).length;
          },
        }),
      },
    ],
  });
}

/** One "token" of work; rejects with the abort reason as soon as the signal fires. */
function tick(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, 5);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
