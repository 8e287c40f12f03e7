import { GEMINI_TTS_MIME_TYPE } from '@switchboard/testkit';
import { describe, expect, it } from 'vitest';
import { bodyOf, contextFor, failure, useFakeGemini } from './helpers.js';

const { server, provider } = useFakeGemini();

const PCM = new Uint8Array([1, 0, 2, 0, 3, 0, 4, 0]);

const speech = () => {
  const made = provider().speechModel?.('gemini-2.5-flash-preview-tts', contextFor(server));
  if (!made) throw new Error('the gemini provider has speech models');
  return made;
};

type Body = {
  contents: Array<{ parts: Array<{ text?: string }> }>;
  generationConfig: Record<string, unknown>;
};

describe('speech', () => {
  it('asks for AUDIO with a prebuilt voice and wraps the PCM answer in a WAV header', async () => {
    server.reply({ audio: PCM });
    const result = await speech().synthesize({
      text: 'Hello',
      voice: 'Puck',
      instructions: 'Say cheerfully',
    });
    expect(result.mimeType).toBe('audio/wav');
    const wav = Buffer.from(result.audio);
    expect(wav.subarray(0, 4).toString('ascii')).toBe('RIFF');
    expect(wav.subarray(8, 12).toString('ascii')).toBe('WAVE');
    expect(wav.readUInt32LE(24)).toBe(24_000); // the rate from the answer's MIME type
    expect(wav.readUInt32LE(40)).toBe(PCM.length);
    expect(new Uint8Array(wav.subarray(44))).toEqual(PCM);
    const body = bodyOf<Body>(server, 0);
    expect(body.contents[0]?.parts[0]?.text).toBe('Say cheerfully: Hello');
    expect(body.generationConfig).toEqual({
      responseModalities: ['AUDIO'],
      speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: 'Puck' } } },
    });
  });

  it('returns the raw PCM when asked for pcm', async () => {
    server.reply({ audio: PCM });
    const result = await speech().synthesize({ text: 'Hello', format: 'pcm' });
    expect(result).toEqual({ audio: PCM, mimeType: GEMINI_TTS_MIME_TYPE });
  });

  it('refuses formats and settings Gemini speech does not have, before sending', async () => {
    expect(await failure(speech().synthesize({ text: 'Hi', format: 'mp3' }))).toMatchObject({
      kind: 'invalid-request',
    });
    expect(await failure(speech().synthesize({ text: 'Hi', speed: 1.5 }))).toMatchObject({
      kind: 'invalid-request',
    });
    expect(server.requests).toHaveLength(0);
  });

  it('reports an answer without audio', async () => {
    server.reply({ text: 'no audio here' });
    expect(await failure(speech().synthesize({ text: 'Hi' }))).toMatchObject({ kind: 'invalid-response' });
  });
});
