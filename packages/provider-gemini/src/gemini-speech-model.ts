import { type CallOptions, type SpeechModel, type SpeechRequest, SwitchboardError } from '@switchboard/core';
import { GeminiCall } from './gemini-call.js';
import type { GeminiModelDeps } from './gemini-chat-model.js';
import { PROVIDER_ID } from './gemini-error.js';
import { pcmToWav } from './wav.js';

/** A prebuilt voice (https://ai.google.dev/gemini-api/docs/speech-generation#voices). */
const DEFAULT_VOICE = 'Kore';

/**
 * Speech with a Gemini TTS model: `generateContent` with `responseModalities: ['AUDIO']`. Gemini
 * answers raw 16-bit mono PCM (`audio/L16;codec=pcm;rate=24000`), which is returned as is for
 * `pcm` and wrapped in a WAV header otherwise; compressed formats would need an encoder.
 * Style and pace are asked for in words (`instructions`), as Gemini has no speed parameter.
 */
export class GeminiSpeechModel implements SpeechModel {
  readonly provider = PROVIDER_ID;

  constructor(
    readonly modelId: string,
    private readonly deps: Pick<GeminiModelDeps, 'client'>,
  ) {}

  async synthesize(
    request: SpeechRequest,
    options: CallOptions = {},
  ): Promise<{ audio: Uint8Array; mimeType: string }> {
    const format = request.format ?? 'wav';
    if (format !== 'wav' && format !== 'pcm') {
      throw this.invalid(
        `Gemini speech comes as PCM audio; "${format}" is not available.`,
        'Ask for "wav" or "pcm".',
      );
    }
    if (request.speed !== undefined && request.speed !== 1) {
      throw this.invalid(
        'Gemini speech has no speed setting.',
        'Leave `speed` out and describe the pace in `instructions`, e.g. "Say slowly".',
      );
    }
    const call = new GeminiCall(this.modelId, options);
    try {
      if (call.aborted) throw call.error(undefined);
      const response = await this.deps.client().models.generateContent({
        model: this.modelId,
        contents: request.instructions ? `${request.instructions}: ${request.text}` : request.text,
        config: {
          ...call.config,
          automaticContinuation: false,
          responseModalities: ['AUDIO'],
          speechConfig: {
            voiceConfig: { prebuiltVoiceConfig: { voiceName: request.voice ?? DEFAULT_VOICE } },
          },
        },
      });
      const part = response.candidates?.[0]?.content?.parts?.find((p) =>
        p.inlineData?.mimeType?.startsWith('audio/'),
      );
      const data = part?.inlineData?.data;
      const mimeType = part?.inlineData?.mimeType ?? '';
      if (!data) {
        throw new SwitchboardError('invalid-response', 'Gemini answered without audio.', {
          provider: PROVIDER_ID,
          model: this.modelId,
          hint: 'Check that the model is a TTS model, such as gemini/gemini-2.5-flash-preview-tts.',
        });
      }
      const pcm = new Uint8Array(Buffer.from(data, 'base64'));
      if (format === 'pcm') return { audio: pcm, mimeType };
      const rate = Number(/rate=(\d+)/.exec(mimeType)?.[1] ?? 24_000);
      return { audio: pcmToWav(pcm, rate), mimeType: 'audio/wav' };
    } catch (error) {
      throw call.error(error);
    } finally {
      call.close();
    }
  }

  private invalid(message: string, hint: string): SwitchboardError {
    return new SwitchboardError('invalid-request', message, {
      provider: PROVIDER_ID,
      model: this.modelId,
      hint,
    });
  }
}
