import type { Content, Part } from '@google/genai';
import type { ImagePart, JsonValue, Message, ToolResultPart } from '@switchboard/core';
import { SKIP_SIGNATURE_VALIDATION, type ThoughtSignatures } from './thought-signatures.js';
import { isGeneratedCallId } from './tool-call-ids.js';

export interface GeminiPrompt {
  systemInstruction?: Content;
  contents: Content[];
}

export interface ConvertOptions {
  /** False for models that reject `systemInstruction` (Gemma): the system text leads the first user turn. */
  systemInstruction: boolean;
  signatures: ThoughtSignatures;
  /** Put Google's stand-in signature on function calls whose real signature is unknown (Gemini 3). */
  fillMissingSignatures: boolean;
}

/**
 * Core messages -> Gemini `contents` (https://ai.google.dev/api/caching#Content): assistant turns
 * become role `model`, tool results become `functionResponse` parts of a user turn, and adjacent
 * turns of one role are merged, so parallel results travel together as Gemini expects.
 */
export function convertToGeminiMessages(messages: Message[], options: ConvertOptions): GeminiPrompt {
  const system = messages
    .filter((message) => message.role === 'system')
    .map((message) => message.content)
    .join('\n\n');
  const callNames = toolNamesById(messages);
  const contents: Content[] = [];
  for (const message of messages) {
    const content = convertMessage(message, callNames, options);
    if (!content?.parts?.length) continue; // Gemini rejects a turn without parts
    const previous = contents.at(-1);
    if (previous && previous.role === content.role) previous.parts?.push(...content.parts);
    else contents.push(content);
  }
  if (!system) return { contents };
  if (options.systemInstruction) return { systemInstruction: { parts: [{ text: system }] }, contents };
  const first = contents[0];
  if (first?.role === 'user') first.parts?.unshift({ text: system });
  else contents.unshift({ role: 'user', parts: [{ text: system }] });
  return { contents };
}

function convertMessage(
  message: Message,
  callNames: Map<string, string>,
  options: ConvertOptions,
): Content | undefined {
  switch (message.role) {
    case 'system':
      return undefined;
    case 'user': {
      if (typeof message.content === 'string') return { role: 'user', parts: textParts(message.content) };
      const parts = message.content.flatMap((part) =>
        part.type === 'text' ? textParts(part.text) : [imagePart(part)],
      );
      return { role: 'user', parts };
    }
    case 'assistant': {
      if (typeof message.content === 'string') return { role: 'model', parts: textParts(message.content) };
      let firstCall = true;
      const parts = message.content.flatMap((part): Part[] => {
        if (part.type === 'text') return textParts(part.text);
        const signature =
          options.signatures.recall(part.id) ??
          (options.fillMissingSignatures && firstCall ? SKIP_SIGNATURE_VALIDATION : undefined);
        firstCall = false;
        return [
          {
            functionCall: { ...idOf(part.id), name: part.name, args: asObject(part.args) },
            ...(signature ? { thoughtSignature: signature } : {}),
          },
        ];
      });
      return { role: 'model', parts };
    }
    case 'tool':
      return { role: 'user', parts: message.content.map((part) => functionResponse(part, callNames)) };
  }
}

/**
 * Gemini reads `output` as the function's result and `error` as its failure; other shapes are
 * taken whole as output (https://ai.google.dev/api/caching#FunctionResponse).
 */
function functionResponse(part: ToolResultPart, callNames: Map<string, string>): Part {
  const name = part.toolName || callNames.get(part.toolCallId) || part.toolCallId;
  return {
    functionResponse: {
      ...idOf(part.toolCallId),
      name,
      response: part.isError ? { error: part.result } : { output: part.result },
    },
  };
}

/**
 * Bytes travel inline. A URL becomes `fileData`: Gemini fetches Files API URIs, YouTube links and
 * public or signed http(s) URLs itself (https://ai.google.dev/gemini-api/docs/file-input-methods);
 * a `data:` URL is decoded and sent inline, because Gemini cannot fetch one.
 */
function imagePart(part: ImagePart): Part {
  const image = part.image;
  if (image.kind === 'bytes') {
    return { inlineData: { mimeType: image.mimeType, data: Buffer.from(image.data).toString('base64') } };
  }
  const dataUrl = /^data:([^;,]+);base64,(.*)$/s.exec(image.url);
  if (dataUrl) return { inlineData: { mimeType: dataUrl[1] ?? 'image/png', data: dataUrl[2] ?? '' } };
  return { fileData: { fileUri: image.url, mimeType: mimeTypeOfUrl(image.url) } };
}

const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  heic: 'image/heic',
  heif: 'image/heif',
};

/** `fileData` needs a MIME type; the URL's extension is the only hint we have. */
function mimeTypeOfUrl(url: string): string {
  const extension = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase() ?? '';
  return IMAGE_TYPES[extension] ?? 'image/jpeg';
}

/** Ids we generated for id-less calls mean nothing to Gemini; it matches those results by name. */
function idOf(id: string): { id?: string } {
  return id && !isGeneratedCallId(id) ? { id } : {};
}

function textParts(text: string): Part[] {
  return text ? [{ text }] : [];
}

/** Gemini's `args` is a JSON object; anything else is wrapped so that it still arrives. */
function asObject(args: JsonValue): Record<string, unknown> {
  return args !== null && typeof args === 'object' && !Array.isArray(args) ? args : { value: args };
}

function toolNamesById(messages: Message[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const message of messages) {
    if (message.role !== 'assistant' || typeof message.content === 'string') continue;
    for (const part of message.content) if (part.type === 'tool-call') names.set(part.id, part.name);
  }
  return names;
}
