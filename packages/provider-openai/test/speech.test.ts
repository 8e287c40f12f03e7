import { describe, expect, it } from 'vitest';
import { speechModel, useFakeServer } from './helpers.js';

const fake = useFakeServer();

describe('speech', () => {
  it('returns mp3 audio by default with the default voice', async () => {
    const audio = new Uint8Array([0x49, 0x44, 0x33, 4, 5, 6]);
    fake.server.reply({ audio });
    const result = await speechModel(fake.server, 'tts-1').synthesize({ text: 'Hello' });
    expect(result).toEqual({ audio, mimeType: 'audio/mpeg' });
    expect(fake.server.lastRequestTo('/audio/speech')?.body).toEqual({
      model: 'tts-1',
      input: 'Hello',
      voice: 'alloy',
      response_format: 'mp3',
    });
  });

  it('sends format, voice, speed and instructions to gpt-4o-mini-tts', async () => {
    const result = await speechModel(fake.server, 'gpt-4o-mini-tts').synthesize({
      text: 'Hi',
      voice: 'coral',
      format: 'wav',
      speed: 1.25,
      instructions: 'Cheerful',
    });
    expect(result.mimeType).toBe('audio/wav');
    expect(new TextDecoder().decode(result.audio.slice(0, 4))).toBe('RIFF');
    expect(fake.server.lastRequestTo('/audio/speech')?.body).toEqual({
      model: 'gpt-4o-mini-tts',
      input: 'Hi',
      voice: 'coral',
      response_format: 'wav',
      speed: 1.25,
      instructions: 'Cheerful',
    });
  });

  it('leaves instructions out for tts-1, which refuses them', async () => {
    await speechModel(fake.server, 'tts-1-hd').synthesize({ text: 'Hi', instructions: 'Whisper' });
    expect(fake.server.lastRequestTo('/audio/speech')?.body).not.toHaveProperty('instructions');
  });
});
