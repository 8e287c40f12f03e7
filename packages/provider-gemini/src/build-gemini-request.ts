import type { Content, GenerateContentConfig } from '@google/genai';
import {
  type CallWarning,
  type ChatRequest,
  hasImages,
  type ModelInfo,
  SwitchboardError,
} from '@switchboard/core';
import { convertToGeminiMessages } from './convert-to-gemini-messages.js';
import { PROVIDER_ID } from './gemini-error.js';
import { readProviderOptions } from './gemini-provider-options.js';
import { acceptsSystemInstruction, requiresThoughtSignatures } from './models.js';
import { prepareTools } from './prepare-tools.js';
import type { ThoughtSignatures } from './thought-signatures.js';

export interface GeminiRequest {
  contents: Content[];
  config: GenerateContentConfig;
  warnings: CallWarning[];
}

/**
 * A core chat request as generateContent parameters (https://ai.google.dev/api/generate-content).
 * Requests a model cannot serve fail here, before anything is sent.
 */
export function buildGeminiRequest(
  modelId: string,
  request: ChatRequest,
  context: { info: ModelInfo | undefined; signatures: ThoughtSignatures },
): GeminiRequest {
  if (context.info?.capabilities.vision === false && hasImages(request.messages)) {
    throw new SwitchboardError(
      'invalid-request',
      `Gemini model "${modelId}" cannot read images, and this request contains some.`,
      {
        provider: PROVIDER_ID,
        model: modelId,
        fallbackMayHelp: true,
        hint: 'Remove the images, or pick a model with vision such as gemini/gemini-2.5-flash.',
      },
    );
  }
  const prompt = convertToGeminiMessages(request.messages, {
    systemInstruction: acceptsSystemInstruction(modelId),
    signatures: context.signatures,
    fillMissingSignatures: requiresThoughtSignatures(modelId),
  });
  if (prompt.contents.length === 0) {
    throw new SwitchboardError('invalid-request', 'The request has no user message for Gemini to answer.', {
      provider: PROVIDER_ID,
      model: modelId,
      hint: 'Add at least one user message with some text or an image.',
    });
  }
  const warnings: CallWarning[] = [];
  const config: GenerateContentConfig = {
    // The SDK's own loops stay off: core decides about retries, and tools run in the caller.
    automaticFunctionCalling: { disable: true },
    automaticContinuation: false,
    ...(prompt.systemInstruction ? { systemInstruction: prompt.systemInstruction } : {}),
    ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    ...(request.topP !== undefined ? { topP: request.topP } : {}),
    ...(request.maxTokens !== undefined ? { maxOutputTokens: request.maxTokens } : {}),
    ...(request.stop?.length ? { stopSequences: request.stop } : {}),
    ...(request.seed !== undefined ? { seed: request.seed } : {}),
    ...prepareTools(request.tools, request.toolChoice),
    ...readProviderOptions(request.providerOptions?.[PROVIDER_ID], warnings),
  };
  if (request.responseFormat?.type === 'json') {
    // JSON mode; with a schema, structured output (https://ai.google.dev/gemini-api/docs/structured-output).
    config.responseMimeType = 'application/json';
    if (request.responseFormat.schema) config.responseJsonSchema = request.responseFormat.schema;
  }
  return { contents: prompt.contents, config, warnings };
}
