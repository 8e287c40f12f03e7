import {
  type CallOptions,
  type CallWarning,
  type GeneratedImage,
  type ImageModel,
  type ImageRequest,
  type ImageResult,
  SwitchboardError,
} from '@switchboard/core';
import type { ImageGenerateParamsNonStreaming } from 'openai/resources/images';
import { requestOptions, signalOf } from './call-options.js';
import type { ClientHandle } from './create-openai-client.js';
import { mapOpenAIError } from './openai-error.js';
import type { OpenAIPreset } from './presets.js';

/** Options only the GPT image models take; DALL·E and compatible services get a warning instead. */
const GPT_IMAGE_ONLY = ['background', 'outputFormat', 'outputCompression', 'moderation'] as const;

/**
 * Image generation through `/images/generations`, with gpt-image-1's option set.
 * https://platform.openai.com/docs/api-reference/images/create
 */
export class OpenAIImageModel implements ImageModel {
  readonly provider: string;

  constructor(
    private readonly preset: OpenAIPreset,
    readonly modelId: string,
    private readonly connect: () => ClientHandle,
  ) {
    this.provider = preset.id;
  }

  async generate(request: ImageRequest, options: CallOptions = {}): Promise<ImageResult> {
    const { body, warnings } = this.buildBody(request);
    const { client, origin } = this.connect();
    const fullId = `${this.provider}/${this.modelId}`;
    let response: Awaited<ReturnType<typeof client.images.generate>>;
    try {
      response = await client.images.generate(body, requestOptions(options));
    } catch (error) {
      throw mapOpenAIError(error, { ...origin, model: this.modelId, ...signalOf(options) });
    }
    const format = response.output_format ?? request.outputFormat ?? 'png';
    const images: GeneratedImage[] = (response.data ?? []).map((image) => {
      if (!image.b64_json) {
        throw new SwitchboardError(
          'invalid-response',
          `${fullId} answered with an image URL instead of data.`,
          {
            provider: this.provider,
            model: fullId,
          },
        );
      }
      return { data: new Uint8Array(Buffer.from(image.b64_json, 'base64')), mimeType: `image/${format}` };
    });
    const result: ImageResult = { images };
    const revisedPrompt = response.data?.[0]?.revised_prompt;
    if (revisedPrompt) result.revisedPrompt = revisedPrompt;
    if (response.usage) {
      result.usage = { inputTokens: response.usage.input_tokens, outputTokens: response.usage.output_tokens };
    }
    if (warnings.length) result.warnings = warnings;
    return result;
  }

  private buildBody(request: ImageRequest): {
    body: ImageGenerateParamsNonStreaming;
    warnings: CallWarning[];
  } {
    const fullId = `${this.provider}/${this.modelId}`;
    const compression = request.outputCompression;
    if (
      compression !== undefined &&
      !(Number.isInteger(compression) && compression >= 0 && compression <= 100)
    ) {
      throw new SwitchboardError(
        'invalid-request',
        `outputCompression must be a whole number from 0 to 100, not ${compression}.`,
        {
          provider: this.provider,
          model: fullId,
          hint: 'Pass a compression between 0 (smallest file) and 100 (best quality).',
        },
      );
    }
    const warnings: CallWarning[] = [];
    const body: ImageGenerateParamsNonStreaming = { model: this.modelId, prompt: request.prompt };
    if (request.n !== undefined) body.n = request.n;
    if (request.size !== undefined) body.size = request.size;
    if (request.quality !== undefined)
      body.quality = request.quality as ImageGenerateParamsNonStreaming['quality'];
    if (/^gpt-image/.test(this.modelId)) {
      // GPT image models always answer in base64 and refuse `response_format`.
      if (request.background !== undefined) body.background = request.background;
      if (request.outputFormat !== undefined) body.output_format = request.outputFormat;
      if (request.moderation !== undefined) body.moderation = request.moderation;
      if (compression !== undefined) {
        if ((request.outputFormat ?? 'png') === 'png') {
          warnings.push(
            unsupported('outputCompression', 'compression applies to jpeg and webp only; it was not sent.'),
          );
        } else body.output_compression = compression;
      }
    } else {
      body.response_format = 'b64_json';
      for (const option of GPT_IMAGE_ONLY) {
        if (request[option] !== undefined) {
          warnings.push(unsupported(option, `${fullId} does not support "${option}"; it was not sent.`));
        }
      }
    }
    const vendor = request.providerOptions?.[this.preset.id];
    return { body: { ...body, ...vendor } as ImageGenerateParamsNonStreaming, warnings };
  }
}

function unsupported(option: string, details: string): CallWarning {
  return { type: 'unsupported-option', option, details };
}
