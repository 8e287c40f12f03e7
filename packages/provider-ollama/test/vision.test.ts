import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatRequest, ImageSource } from '@switchboard/core';
import { afterEach, describe, expect, it } from 'vitest';
import { closedPort, failure, imageHost, PNG_1X1, useOllama } from './helpers.js';

const PNG_B64 = Buffer.from(PNG_1X1).toString('base64');

const look = (...images: ImageSource[]): ChatRequest => ({
  messages: [
    {
      role: 'user',
      content: [
        { type: 'text', text: 'What is in this picture?' },
        ...images.map((image) => ({ type: 'image' as const, image })),
      ],
    },
  ],
});

const chatRequests = (paths: Array<{ path: string }>) => paths.filter((r) => r.path === '/api/chat');

describe('ollama vision', () => {
  const ollama = useOllama();
  const hosts: Server[] = [];
  afterEach(() => {
    for (const host of hosts.splice(0)) {
      host.closeAllConnections();
      host.close();
    }
  });

  it('sends image bytes as base64 in the message images', async () => {
    ollama.server.reply({ text: 'A pixel.' });
    const result = await ollama
      .chat('llava:7b')
      .generate(look({ kind: 'bytes', data: PNG_1X1, mimeType: 'image/png' }));
    expect(result.text).toBe('A pixel.');
    const message = ollama.server.lastChatRequest()?.messages[0];
    expect(message?.text).toBe('What is in this picture?');
    expect(message?.images).toEqual([{ base64: PNG_B64, mimeType: 'image/png' }]);
  });

  it('downloads URL images itself (Ollama cannot) and sends them as base64', async () => {
    const host = await imageHost({ '/cat.png': [200, 'image/png', PNG_1X1] });
    hosts.push(host.server);
    await ollama
      .chat('llava:7b')
      .generate(
        look(
          { kind: 'url', url: `${host.url}/cat.png?sig=secret` },
          { kind: 'url', url: `data:image/png;base64,${PNG_B64}` },
        ),
      );
    expect(host.hits).toEqual(['/cat.png?sig=secret']);
    expect(ollama.server.lastChatRequest()?.messages[0]?.images).toEqual([
      { base64: PNG_B64, mimeType: 'image/png' },
      { base64: PNG_B64, mimeType: 'image/png' },
    ]);
  });

  it('fails clearly, without sending, when an image URL cannot be downloaded', async () => {
    const host = await imageHost({ '/page.html': [200, 'text/html', '<html></html>'] });
    hosts.push(host.server);
    const missing = await failure(() =>
      ollama.chat('llava:7b').generate(look({ kind: 'url', url: `${host.url}/gone.png?token=abcdefgh123` })),
    );
    expect(missing.kind).toBe('invalid-request');
    expect(missing.message).toBe(`Could not download the image at ${host.url}/gone.png: HTTP 404.`);
    expect(missing.fallbackMayHelp).toBe(true);

    const notImage = await failure(() =>
      ollama.chat('llava:7b').generate(look({ kind: 'url', url: `${host.url}/page.html` })),
    );
    expect(notImage.message).toContain('did not return an image (content-type text/html)');

    const port = await closedPort();
    const refused = await failure(() =>
      ollama.chat('llava:7b').generate(look({ kind: 'url', url: `http://127.0.0.1:${port}/x.png` })),
    );
    expect(refused).toMatchObject({ kind: 'invalid-request' });
    expect(refused.message).toContain(
      `Could not download the image at http://127.0.0.1:${port}/x.png: connect ECONNREFUSED`,
    );

    const ftp = await failure(() =>
      ollama.chat('llava:7b').generate(look({ kind: 'url', url: 'ftp://x/y.png' })),
    );
    expect(ftp.message).toContain('not ftp: ones');
    expect(chatRequests(ollama.server.requests)).toHaveLength(0);
  });

  it('stops an image download when the request is cancelled', async () => {
    const controller = new AbortController();
    // A host that accepts and never answers.
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    hosts.push(silent);
    const { port } = silent.address() as AddressInfo;
    const pending = failure(() =>
      ollama.chat('llava:7b').generate(look({ kind: 'url', url: `http://127.0.0.1:${port}/slow.png` }), {
        signal: controller.signal,
      }),
    );
    setTimeout(() => controller.abort(), 50);
    expect((await pending).kind).toBe('cancelled');
    expect(chatRequests(ollama.server.requests)).toHaveLength(0);
  });

  it('refuses images for a model /api/show says cannot see, before sending anything to chat', async () => {
    const error = await failure(() =>
      ollama.chat('llama3.2').generate(look({ kind: 'bytes', data: PNG_1X1, mimeType: 'image/png' })),
    );
    expect(error.kind).toBe('invalid-request');
    expect(error.message).toBe(
      'The Ollama model "llama3.2" cannot read images (its capabilities: completion, tools).',
    );
    expect(error.hint).toContain('vision model');
    expect(error.fallbackMayHelp).toBe(true);
    expect(chatRequests(ollama.server.requests)).toHaveLength(0);
  });

  it('asks /api/show once per model and remembers the answer', async () => {
    const chat = ollama.chat('llava:7b');
    const image = { kind: 'bytes' as const, data: PNG_1X1, mimeType: 'image/png' };
    await chat.generate(look(image));
    await chat.generate(look(image));
    await ollama.chat('llava:7b').generate(look(image));
    expect(ollama.server.requests.filter((r) => r.path === '/api/show')).toHaveLength(1);
    // Text-only requests never ask.
    await ollama.chat('llama3.2').generate({ messages: [{ role: 'user', content: 'hi' }] });
    expect(ollama.server.requests.filter((r) => r.path === '/api/show')).toHaveLength(1);
  });

  it('sends anyway when the model is unknown to /api/show, and lets Ollama answer', async () => {
    ollama.server.reply({ text: 'Seen.' });
    const result = await ollama
      .chat('mystery')
      .generate(look({ kind: 'bytes', data: PNG_1X1, mimeType: 'image/png' }));
    expect(result.text).toBe('Seen.');
    expect(chatRequests(ollama.server.requests)).toHaveLength(1);
  });
});
