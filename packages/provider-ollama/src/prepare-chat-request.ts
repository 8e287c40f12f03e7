import { type CallWarning, type ChatRequest, SwitchboardError } from '@switchboard/core';
import type { Options, ChatRequest as SdkChatRequest, Tool } from 'ollama';
import { convertToOllamaMessages, type OllamaMessage } from './convert-to-ollama-messages.js';

/** `providerOptions.ollama`: what /api/chat takes that core has no name for. */
export interface OllamaProviderOptions {
  /** Thinking models: true/false, or a level (`low`, `medium`, `high`, `max`) where the model has them. */
  think?: boolean | 'low' | 'medium' | 'high' | 'max';
  /** How long the model stays loaded afterwards, e.g. `10m` or 0 to unload at once. */
  keep_alive?: string | number;
  /** Modelfile parameters such as `num_ctx`, merged over the ones mapped from the request. */
  options?: Record<string, unknown>;
}

export type OllamaChatBody = Omit<SdkChatRequest, 'messages' | 'stream'> & { messages: OllamaMessage[] };

const THINK_LEVELS = new Set(['low', 'medium', 'high', 'max']);

function invalidOption(message: string): SwitchboardError {
  return new SwitchboardError('invalid-request', message, {
    provider: 'ollama',
    hint: 'Fix providerOptions.ollama in the request.',
  });
}

function readProviderOptions(raw: Record<string, unknown> | undefined, warnings: CallWarning[]) {
  const out: OllamaProviderOptions = {};
  for (const [key, value] of Object.entries(raw ?? {})) {
    if (key === 'think') {
      if (typeof value !== 'boolean' && !THINK_LEVELS.has(String(value))) {
        throw invalidOption(
          'providerOptions.ollama.think must be true, false, "low", "medium", "high" or "max".',
        );
      }
      out.think = value as OllamaProviderOptions['think'];
    } else if (key === 'keep_alive') {
      if (typeof value !== 'string' && typeof value !== 'number') {
        throw invalidOption(
          'providerOptions.ollama.keep_alive must be a duration such as "10m", or seconds.',
        );
      }
      out.keep_alive = value;
    } else if (key === 'options') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw invalidOption('providerOptions.ollama.options must be an object of Modelfile parameters.');
      }
      out.options = value as Record<string, unknown>;
    } else {
      warnings.push({
        type: 'other',
        message: `providerOptions.ollama.${key} is not an Ollama option; ignored.`,
      });
    }
  }
  return out;
}

function modelOptions(request: ChatRequest, extra: Record<string, unknown> | undefined): Partial<Options> {
  const options: Record<string, unknown> = {};
  if (request.temperature !== undefined) options.temperature = request.temperature;
  if (request.topP !== undefined) options.top_p = request.topP;
  if (request.maxTokens !== undefined) options.num_predict = request.maxTokens;
  if (request.stop?.length) options.stop = request.stop;
  if (request.seed !== undefined) options.seed = request.seed;
  // Only keys Ollama documents reach it; the values are the caller's to get right.
  return { ...options, ...extra } as Partial<Options>;
}

/**
 * A core request as an /api/chat body
 * (https://github.com/ollama/ollama/blob/main/docs/api.md#generate-a-chat-completion), plus the
 * warnings for what Ollama cannot honour.
 */
export async function prepareChatRequest(
  modelId: string,
  request: ChatRequest,
  signal: AbortSignal,
): Promise<{ body: OllamaChatBody; warnings: CallWarning[] }> {
  const warnings: CallWarning[] = [];
  const extra = readProviderOptions(request.providerOptions?.ollama, warnings);
  const body: OllamaChatBody = {
    model: modelId,
    messages: await convertToOllamaMessages(request.messages, signal),
  };
  const options = modelOptions(request, extra.options);
  if (Object.keys(options).length) body.options = options;

  // Ollama has no tool_choice: "none" is kept by not offering the tools; the rest it cannot force.
  const choice = request.toolChoice;
  if (request.tools?.length && choice !== 'none') {
    body.tools = request.tools.map(
      (tool): Tool => ({
        type: 'function',
        function: {
          name: tool.name,
          ...(tool.description !== undefined ? { description: tool.description } : {}),
          // The client's type lists only common schema keys; any JSON schema is accepted on the wire.
          parameters: tool.parameters as NonNullable<Tool['function']['parameters']>,
        },
      }),
    );
    if (choice === 'required' || typeof choice === 'object') {
      warnings.push({
        type: 'unsupported-option',
        option: 'toolChoice',
        details: 'Ollama cannot force a tool call; the model decides whether to call one.',
      });
    }
  }

  // https://github.com/ollama/ollama/blob/main/docs/api.md#chat-request-structured-outputs
  if (request.responseFormat?.type === 'json') body.format = request.responseFormat.schema ?? 'json';
  // The client's type predates the "max" level; the server accepts it.
  if (extra.think !== undefined) body.think = extra.think as SdkChatRequest['think'];
  if (extra.keep_alive !== undefined) body.keep_alive = extra.keep_alive;
  return { body, warnings };
}
