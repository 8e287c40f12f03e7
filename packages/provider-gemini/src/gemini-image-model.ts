import type { GenerateContentResponse, ImageConfig } from '@google/genai';
import {
  type CallOptions,
  type CallWarning,
  type GeneratedImage,
  type ImageModel,
  type ImageRequest,
  type ImageResult,
  SwitchboardError,
} from '@switchboard/core';
import { GeminiCall } from './gemini-call.js';
import type { GeminiModelDeps } from './gemini-chat-model.js';
import { PROVIDER_ID } from './gemini-error.js';
import { mapGeminiFinishReason } from './map-gemini-finish-reason.js';

/** Aspect ratios Gemini image models take (https://ai.google.dev/gemini-api/docs/image-generation). */
const ASPECT_RATIOS = new Set(['1:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9']);

/**
 * Image generation with a Gemini image model through `generateContent` and
 * `responseModalities: ['IMAGE']`; the answer's `inlineData` parts are the images. (The SDK's
 * `generateImages`, Imagen's `:predict`, works on Vertex AI only.) Gemini answers one image per
 * request, so `n` images are `n` requests. `size` picks the aspect ratio; the rest of the
 * gpt-image-1 option set has no Gemini counterpart and comes back as warnings.
 */
export class GeminiImageModel implements ImageModel {
  readonly provider = PROVIDER_ID;

  constructor(
    readonly modelId: string,
    private readonly deps: Pick<GeminiModelDeps, 'client'>,
  ) {}

  async generate(request: ImageRequest, options: CallOptions = {}): Promise<ImageResult> {
    const warnings: CallWarning[] = [];
    const imageConfig = this.imageConfig(request, warnings);
    const count = Math.max(1, request.n ?? 1);
    const responses = await Promise.all(
      Array.from({ length: count }, () => this.generateOne(request.prompt, imageConfig, options)),
    );
    const images: GeneratedImage[] = [];
    let inputTokens = 0;
    let outputTokens = 0;
    for (const response of responses) {
      images.push(...this.imagesOf(response));
      inputTokens += response.usageMetadata?.promptTokenCount ?? 0;
      outputTokens += response.usageMetadata?.candidatesTokenCount ?? 0;
    }
    return { images, usage: { inputTokens, outputTokens }, ...(warnings.length ? { warnings } : {}) };
  }

  private async generateOne(
    prompt: string,
    imageConfig: ImageConfig | undefined,
    options: CallOptions,
  ): Promise<GenerateContentResponse> {
    const call = new GeminiCall(this.modelId, options);
    try {
      if (call.aborted) throw call.error(undefined);
      return await this.deps.client().models.generateContent({
        model: this.modelId,
        contents: prompt,
        config: {
          ...call.config,
          responseModalities: ['IMAGE'],
          automaticContinuation: false,
          ...(imageConfig ? { imageConfig } : {}),
        },
      });
    } catch (error) {
      throw call.error(error);
    } finally {
      call.close();
    }
  }

  /** Final images only: Gemini 3 image models also send draft images as thought parts. */
  private imagesOf(response: GenerateContentResponse): GeneratedImage[] {
    const candidate = response.candidates?.[0];
    const images = (candidate?.content?.parts ?? []).flatMap((part) =>
      part.inlineData?.data && part.inlineData.mimeType?.startsWith('image/') && !part.thought
        ? [
            {
              data: new Uint8Array(Buffer.from(part.inlineData.data, 'base64')),
              mimeType: part.inlineData.mimeType,
            },
          ]
        : [],
    );
    if (images.length) return images;
    const reason = candidate?.finishReason;
    const blocked = response.promptFeedback?.blockReason;
    const details = { provider: PROVIDER_ID, model: this.modelId };
    if (
      mapGeminiFinishReason(reason, { hasToolCalls: false, promptBlocked: Boolean(blocked) }) ===
      'content-filter'
    ) {
      throw new SwitchboardError(
        'content-filtered',
        `Gemini did not make the image: its filter stopped it (${blocked ?? reason}).`,
        details,
      );
    }
    const said = (candidate?.content?.parts ?? [])
      .map((part) => part.text ?? '')
      .join('')
      .trim();
    throw new SwitchboardError(
      'invalid-response',
      `Gemini answered without an image${reason ? ` (${reason})` : ''}${said ? `: "${said.slice(0, 200)}"` : '.'}`,
      { ...details, hint: 'Rephrase the prompt to ask for a picture, or try again.' },
    );
  }

  private imageConfig(request: ImageRequest, warnings: CallWarning[]): ImageConfig | undefined {
    const config: ImageConfig = {};
    const ratio = aspectRatioOf(request.size);
    if (ratio) config.aspectRatio = ratio;
    else if (request.size && request.size !== 'auto') {
      warnings.push(
        unsupported(
          'size',
          `Gemini takes aspect ratios (${[...ASPECT_RATIOS].join(', ')}); "${request.size}" is none of them.`,
        ),
      );
    }
    if (request.quality && request.quality !== 'auto') {
      warnings.push(
        unsupported(
          'quality',
          'Gemini has no quality setting; use providerOptions.gemini.imageSize ("1K", "2K", "4K") where the model supports it.',
        ),
      );
    }
    if (request.background === 'transparent') {
      warnings.push(unsupported('background', 'Gemini images have no transparent background.'));
    }
    if (request.outputFormat && request.outputFormat !== 'png') {
      warnings.push(
        unsupported('outputFormat', 'The Gemini API returns images in the format the model picks (PNG).'),
      );
    }
    if (request.outputCompression !== undefined) {
      warnings.push(unsupported('outputCompression', 'The Gemini API has no compression setting.'));
    }
    if (request.moderation === 'low') {
      warnings.push(unsupported('moderation', "Gemini's image filters cannot be lowered per request."));
    }
    for (const [key, value] of Object.entries(request.providerOptions?.[PROVIDER_ID] ?? {})) {
      if ((key === 'imageSize' || key === 'personGeneration') && typeof value === 'string')
        config[key] = value;
      else
        warnings.push(
          unsupported(`providerOptions.gemini.${key}`, `The Gemini image model does not take "${key}".`),
        );
    }
    return Object.keys(config).length ? config : undefined;
  }
}

/** `1536x1024` -> `3:2`; a ratio given as `16:9` passes as is. */
function aspectRatioOf(size: string | undefined): string | undefined {
  if (!size) return undefined;
  if (ASPECT_RATIOS.has(size)) return size;
  const match = /^(\d+)x(\d+)$/.exec(size);
  if (!match) return undefined;
  const width = Number(match[1]);
  const height = Number(match[2]);
  const divisor = gcd(width, height);
  const ratio = `${width / divisor}:${height / divisor}`;
  return ASPECT_RATIOS.has(ratio) ? ratio : undefined;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function unsupported(option: string, details: string): CallWarning {
  return { type: 'unsupported-option', option, details };
}
