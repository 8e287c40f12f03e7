import { describe, expect, it } from 'vitest';
import {
  chatModel,
  collectUntilError,
  context,
  failureOf,
  provider,
  settingsFor,
  useFakeServer,
} from './helpers.js';

const fake = useFakeServer();
const messages = [{ role: 'user' as const, content: 'x' }];

function expectNoKey(
  error: { message: string; hint: string; userMessage: string; toJSON?: () => unknown },
  key: string,
) {
  const surfaces = [
    error.message,
    error.hint,
    error.userMessage,
    JSON.stringify(error.toJSON?.()),
    String(error),
  ];
  for (const text of surfaces) {
    expect(text).not.toContain(key);
    expect(text).not.toContain(key.slice(-12));
    expect(text).not.toMatch(/\n\s+at /); // no stack trace
  }
}

describe('no API key in errors', () => {
  it('redacts a key the server echoes back (OpenAI-shaped key)', async () => {
    const key = 'sk-proj-LEAKCHECK0123456789abcdefghijklmnopqrstu';
    fake.server.reply({ kind: 'error', status: 401, message: `Incorrect API key provided: ${key}.` });
    const model = provider('openai').chatModel?.(
      'gpt-4o-mini',
      context(settingsFor(fake.server, 'openai', { apiKey: key })),
    );
    const error = await failureOf(model?.generate({ messages }) ?? Promise.resolve());
    expect(error.kind).toBe('authentication');
    expect(error.message).toContain('[REDACTED]');
    expectNoKey(error, key);
  });

  it('redacts a key of no known shape, because the provider registers it (Together, hex)', async () => {
    const key = 'f00dfeedc0ffee1234567890abcdef1234567890abcdef1234567890abcdef12';
    fake.server.reply({ kind: 'error', status: 403, message: `Key ${key} may not use this model.` });
    const model = chatModel(fake.server, 'meta-llama/Llama-3.3-70B-Instruct-Turbo', 'together', {
      apiKey: key,
    });
    const { error } = await collectUntilError(model.stream({ messages }));
    expect(error.kind).toBe('permission-denied');
    expectNoKey(error, key);
  });

  it('keeps the key out of a key sent in the Azure api-key header echo', async () => {
    const key = '0123456789abcdef0123456789abcdef';
    fake.server.reply({
      kind: 'error',
      status: 401,
      message: `Access denied due to invalid subscription key ${key}.`,
    });
    const error = await failureOf(
      chatModel(fake.server, 'dep', 'azure', { apiKey: key }).generate({ messages }),
    );
    expectNoKey(error, key);
  });

  it('keeps the key out of connection errors', async () => {
    const key = 'gsk_0123456789ABCDEFGHIJklmnopqrstuv';
    const model = provider('groq').chatModel?.(
      'm',
      context({ apiKey: key, baseUrl: 'http://127.0.0.1:9/v1' }),
    );
    const error = await failureOf(model?.generate({ messages }) ?? Promise.resolve());
    expect(error.kind).toBe('connection');
    expectNoKey(error, key);
  });
});
