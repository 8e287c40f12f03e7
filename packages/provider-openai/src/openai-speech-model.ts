import type { CallOptions, SpeechModel, SpeechRequest } from '@switchboard/core';
import { requestOptions, signalOf } from './call-options.js';
import type { ClientHandle } from './create-openai-client.js';
import { mapOpenAIError } from './openai-error.js';
import type { OpenAIPreset } from './presets.js';

/** MIME types of the formats `/audio/speech` writes. https://platform.openai.com/docs/api-reference/audio/createSpeech */
const MIME_TYPES: Record<NonNullable<SpeechRequest['format']>, string> = {
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  opus: 'audio/opus',
  aac: 'audio/aac',
  flac: 'audio/flac',
  pcm: 'audio/pcm',
};

/** Speech through `/audio/speech` (tts-1, tts-1-hd, gpt-4o-mini-tts). */
export class OpenAISpeechModel implements SpeechModel {
  readonly provider: string;

  constructor(
    preset: OpenAIPreset,
    readonly modelId: string,
    private readonly connect: () => ClientHandle,
    private readonly log?: (level: 'warn', message: string) => void,
  ) {
    this.provider = preset.id;
  }

  async synthesize(
    request: SpeechRequest,
    options: CallOptions = {},
  ): Promise<{ audio: Uint8Array; mimeType: string }> {
    const { client, origin } = this.connect();
    const format = request.format ?? 'mp3';
    // tts-1 and tts-1-hd refuse `instructions`; only the gpt-4o TTS models take them.
    const instructions = request.instructions !== undefined && !/^tts-1/.test(this.modelId);
    if (request.instructions !== undefined && !instructions) {
      this.log?.('warn', `${this.provider}/${this.modelId} takes no "instructions"; they were not sent.`);
    }
    try {
      const response = await client.audio.speech.create(
        {
          model: this.modelId,
          input: request.text,
          voice: request.voice ?? 'alloy',
          response_format: format,
          ...(request.speed === undefined ? {} : { speed: request.speed }),
          ...(instructions ? { instructions: request.instructions } : {}),
        },
        requestOptions(options),
      );
      const audio = new Uint8Array(await response.arrayBuffer());
      return { audio, mimeType: MIME_TYPES[format] };
    } catch (error) {
      throw mapOpenAIError(error, { ...origin, model: this.modelId, ...signalOf(options) });
    }
  }
}
