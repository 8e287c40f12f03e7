// A provider package as a third party would write it: plain ESM, no build step.
// It answers by echoing the last user message, word by word. `echo/flaky` is always down
// (a simulated 503), so retries and fallback can be seen at work.
import { definePlugin, SwitchboardError } from '@switchboard/core';

const models = [
  {
    id: 'echo',
    kind: 'chat',
    capabilities: { tools: false, vision: false },
    contextWindow: 8192,
    local: true,
  },
  {
    id: 'flaky',
    kind: 'chat',
    capabilities: { tools: false, vision: false },
    contextWindow: 8192,
    local: true,
  },
];

function lastUserText(request) {
  const last = [...request.messages].reverse().find((m) => m.role === 'user');
  if (!last) return '';
  return typeof last.content === 'string'
    ? last.content
    : last.content.map((p) => (p.type === 'text' ? p.text : '')).join('');
}

function createChatModel(modelId) {
  return {
    provider: 'echo',
    modelId,
    async *stream(request, options = {}) {
      if (modelId === 'flaky') {
        throw new SwitchboardError('service-unavailable', 'echo/flaky is down (simulated 503).', {
          provider: 'echo',
          model: 'echo/flaky',
          status: 503,
        });
      }
      const words = `You said: ${lastUserText(request)}`.split(/(?<= )/);
      for (const word of words) {
        if (options.signal?.aborted) throw options.signal.reason;
        yield { type: 'text-delta', text: word };
      }
      yield { type: 'usage', usage: { inputTokens: words.length, outputTokens: words.length } };
      yield { type: 'finish', reason: 'stop' };
    },
    async generate(request, options) {
      let text = '';
      let usage = { inputTokens: 0, outputTokens: 0 };
      for await (const event of this.stream(request, options)) {
        if (event.type === 'text-delta') text += event.text;
        if (event.type === 'usage') usage = event.usage;
      }
      return { text, toolCalls: [], usage, finishReason: 'stop' };
    },
  };
}

export default definePlugin({
  name: 'switchboard-provider-echo',
  displayName: 'Echo (example)',
  providers: [
    {
      id: 'echo',
      displayName: 'Echo (example)',
      local: true,
      settings: [],
      async listModels() {
        return models;
      },
      chatModel(modelId) {
        if (!models.some((m) => m.id === modelId)) {
          throw new SwitchboardError('not-found', `echo has no model "${modelId}".`, { provider: 'echo' });
        }
        return createChatModel(modelId);
      },
    },
  ],
});
