import type { ScriptedReply } from '../script.js';
import { isRecord } from './read-chat-request.js';

/**
 * The embeddings list. The openai SDK asks for `encoding_format: "base64"` unless told otherwise;
 * base64 is the vector's little-endian float32 bytes.
 * https://platform.openai.com/docs/api-reference/embeddings/create
 * https://platform.openai.com/docs/api-reference/embeddings/object
 * e.g. {"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.0023,-0.0093]}],
 *       "model":"text-embedding-3-small","usage":{"prompt_tokens":8,"total_tokens":8}}
 */
export function renderEmbeddings(step: ScriptedReply, body: Record<string, unknown>, model: string) {
  const inputs = Array.isArray(body.input) ? body.input : [body.input];
  const dimensions = typeof body.dimensions === 'number' ? body.dimensions : 4;
  const vectors = step.embeddings ?? inputs.map((_, index) => defaultVector(index, dimensions));
  const base64 = body.encoding_format === 'base64';
  const tokens = step.usage?.inputTokens ?? inputs.length * 4;
  return {
    object: 'list',
    data: vectors.map((vector, index) => ({
      object: 'embedding',
      index,
      embedding: base64 ? float32Base64(vector) : vector,
    })),
    model,
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
}

function defaultVector(index: number, dimensions: number): number[] {
  return Array.from({ length: dimensions }, (_, i) => (index + 1) * 0.25 + i * 0.125);
}

/** Little-endian float32, whatever the machine's byte order. */
export function float32Base64(vector: number[]): string {
  const bytes = new DataView(new ArrayBuffer(vector.length * 4));
  for (const [i, value] of vector.entries()) bytes.setFloat32(i * 4, value, true);
  return Buffer.from(bytes.buffer).toString('base64');
}

/** A 1x1 transparent PNG, the image every default reply returns. */
export const TINY_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/**
 * gpt-image-1's answer: base64 images, the options it applied, and token usage.
 * https://platform.openai.com/docs/api-reference/images/create
 * https://platform.openai.com/docs/api-reference/images/object
 * e.g. {"created":1713833628,"data":[{"b64_json":"..."}],"background":"transparent","output_format":"png",
 *       "quality":"high","size":"1024x1024","usage":{"input_tokens":50,"input_tokens_details":
 *       {"text_tokens":50,"image_tokens":0},"output_tokens":50,"total_tokens":100}}
 */
export function renderImages(step: ScriptedReply, body: Record<string, unknown>) {
  const n = typeof body.n === 'number' ? body.n : 1;
  const images: NonNullable<ScriptedReply['images']> =
    step.images ?? Array.from({ length: n }, () => ({ b64: TINY_PNG_BASE64 }));
  const usage = step.usage ?? { inputTokens: 20, outputTokens: 272 };
  const asUrl = body.response_format === 'url';
  return {
    created: Math.floor(Date.now() / 1000),
    data: images.map((image, index) => ({
      ...(asUrl ? { url: `https://images.invalid/fake-${index}.png` } : { b64_json: image.b64 }),
      ...(image.revisedPrompt ? { revised_prompt: image.revisedPrompt } : {}),
    })),
    background: body.background === 'transparent' ? 'transparent' : 'opaque',
    output_format: typeof body.output_format === 'string' ? body.output_format : 'png',
    quality: typeof body.quality === 'string' && body.quality !== 'auto' ? body.quality : 'medium',
    size: typeof body.size === 'string' && body.size !== 'auto' ? body.size : '1024x1024',
    usage: {
      input_tokens: usage.inputTokens,
      input_tokens_details: { text_tokens: usage.inputTokens, image_tokens: 0 },
      output_tokens: usage.outputTokens,
      total_tokens: usage.inputTokens + usage.outputTokens,
    },
  };
}

/**
 * Content types of /audio/speech answers by `response_format` (mp3 by default).
 * https://platform.openai.com/docs/api-reference/audio/createSpeech
 */
export const SPEECH_CONTENT_TYPES: Record<string, string> = {
  mp3: 'audio/mpeg',
  opus: 'audio/opus',
  aac: 'audio/aac',
  flac: 'audio/flac',
  wav: 'audio/wav',
  pcm: 'audio/pcm',
};

/** Audio bytes for a speech reply: the scripted ones, or a few bytes that start like the format's files. */
export function speechBytes(step: ScriptedReply, format: string): Uint8Array {
  if (step.audio) return step.audio;
  const magic: Record<string, string> = { mp3: 'ID3', wav: 'RIFF', flac: 'fLaC', opus: 'OggS' };
  return new TextEncoder().encode(`${magic[format] ?? ''}fake-${format}-audio`);
}

/**
 * The model list.
 * https://platform.openai.com/docs/api-reference/models/list
 * e.g. {"object":"list","data":[{"id":"gpt-4o-mini","object":"model","created":1686935002,"owned_by":"openai"}]}
 */
export function renderModelList(ids: readonly string[]) {
  return {
    object: 'list',
    data: ids.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'fake' })),
  };
}

export function recordOf(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}
