import type { NeutralChatRequest, NeutralMessage, RecordedRequest } from '../server-types.js';
import type { GeminiContent, GeminiGenerateContentRequest, GeminiPart } from './wire.js';

/** `/v1beta/models/{model}:{action}`, the REST paths of https://ai.google.dev/api/generate-content. */
const MODEL_ACTION = /^\/(v1(?:beta|alpha)?)\/models\/([^/:]+):([A-Za-z]+)$/;

export interface ModelAction {
  apiVersion: string;
  model: string;
  action: string;
}

export function parseModelAction(path: string): ModelAction | undefined {
  const match = MODEL_ACTION.exec(path);
  if (!match) return undefined;
  const [, apiVersion = '', model = '', action = ''] = match;
  return { apiVersion, model: decodeURIComponent(model), action };
}

export function isChatAction(action: string): boolean {
  return action === 'generateContent' || action === 'streamGenerateContent';
}

/** Reads a generateContent / streamGenerateContent body in vendor-neutral terms. */
export function readGeminiChatRequest(request: RecordedRequest): NeutralChatRequest | undefined {
  const target = parseModelAction(request.path);
  if (!target || !isChatAction(target.action)) return undefined;
  const body = (request.body ?? {}) as GeminiGenerateContentRequest;
  const config = body.generationConfig ?? {};
  const system = textOf(body.systemInstruction?.parts ?? []);
  const neutral: NeutralChatRequest = {
    model: target.model,
    stream: target.action === 'streamGenerateContent',
    messages: (body.contents ?? []).map(readContent),
    tools: (body.tools ?? []).flatMap((tool) => (tool.functionDeclarations ?? []).map((f) => f.name)),
  };
  if (body.systemInstruction) neutral.system = system;
  if (config.maxOutputTokens !== undefined) neutral.maxTokens = config.maxOutputTokens;
  if (config.temperature !== undefined) neutral.temperature = config.temperature;
  if (config.topP !== undefined) neutral.topP = config.topP;
  if (config.stopSequences !== undefined) neutral.stop = config.stopSequences;
  if (config.responseMimeType === 'application/json') neutral.json = true;
  const schema = config.responseJsonSchema ?? config.responseSchema;
  if (schema !== undefined) neutral.jsonSchema = schema;
  return neutral;
}

/** Role `model` is the assistant; a user turn carrying function responses is the tool turn. */
function readContent(content: GeminiContent): NeutralMessage {
  const parts = content.parts ?? [];
  const responses = parts.flatMap((part) => (part.functionResponse ? [part.functionResponse] : []));
  const role: NeutralMessage['role'] =
    content.role === 'model' ? 'assistant' : responses.length > 0 ? 'tool' : 'user';
  return {
    role,
    text: textOf(parts),
    images: parts.flatMap((part): NeutralMessage['images'] => {
      if (part.inlineData) return [{ base64: part.inlineData.data, mimeType: part.inlineData.mimeType }];
      if (part.fileData) return [{ url: part.fileData.fileUri }];
      return [];
    }),
    toolCalls: parts.flatMap((part) =>
      part.functionCall
        ? [
            {
              ...(part.functionCall.id !== undefined ? { id: part.functionCall.id } : {}),
              name: part.functionCall.name,
              args: part.functionCall.args ?? {},
            },
          ]
        : [],
    ),
    toolResults: responses.map((response) => ({
      ...(response.id !== undefined ? { id: response.id } : {}),
      name: response.name,
      content: neutralToolContent(response.response),
    })),
  };
}

/**
 * Gemini carries a tool's result in an object whose `output` (or `error`) key holds it, by its
 * documented convention (ai.google.dev/api/caching#FunctionResponse); other vendors carry the
 * result itself. Unwrapping makes the neutral content comparable across vendors.
 */
function neutralToolContent(response: Record<string, unknown> | undefined): string {
  const keys = Object.keys(response ?? {});
  const wrapped =
    keys.length === 1 && (keys[0] === 'output' || keys[0] === 'error') ? response?.[keys[0]] : response;
  return typeof wrapped === 'string' ? wrapped : JSON.stringify(wrapped ?? {});
}

/** Answer text only: thought parts are the model's reasoning, not part of the message text. */
function textOf(parts: GeminiPart[]): string {
  return parts
    .filter((part) => !part.thought)
    .map((part) => part.text ?? '')
    .join('');
}
