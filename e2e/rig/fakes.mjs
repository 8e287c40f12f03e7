// The far end of every cloud call in a session: the testkit's wire-faithful fake OpenAI and
// Anthropic servers, plus the example Cohere server for the third-party plugin, all on 127.0.0.1.
// The extension reaches them through the providers' real SDKs, pointed here by machine settings.
import { FakeAnthropicServer, FakeOpenAIServer } from '@switchboard/testkit';
import { FakeCohereServer } from '../../examples/provider-cohere/test/fake-cohere-server.js';

/** A 1×1 PNG: what the fake image model "draws". */
export const TINY_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

export async function startFakes() {
  const openai = await new FakeOpenAIServer().start();
  const anthropic = await new FakeAnthropicServer().start();
  const cohere = await new FakeCohereServer().start();
  const fakes = { openai, anthropic, cohere };
  return {
    ...fakes,
    /** What `switchboard.providers` needs to send each provider here. */
    providerSettings: {
      openai: { baseUrl: openai.url },
      anthropic: { baseUrl: anthropic.origin },
      cohere: { baseUrl: cohere.origin },
    },
    /**
     * Every server answers `text` (word by word when streamed), or `text(vendor)`, until told
     * otherwise; image requests get the tiny PNG.
     */
    answerWith(text) {
      for (const [vendor, server] of Object.entries(fakes)) {
        server.setDefaultReply({
          text: typeof text === 'function' ? text(vendor) : text,
          images: [{ b64: TINY_PNG_BASE64 }],
        });
      }
    },
    async close() {
      await Promise.all(Object.values(fakes).map((server) => server.close()));
    },
  };
}
