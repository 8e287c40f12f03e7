/**
 * The slice of the Gemini API's JSON that the fake server reads and writes, typed by hand so the
 * testkit does not depend on @google/genai. Field names are the REST (camelCase JSON) names from
 * https://ai.google.dev/api/generate-content and https://ai.google.dev/api/caching#Content.
 */

export interface GeminiPart {
  text?: string;
  /** The part is a thought summary, not answer text (https://ai.google.dev/gemini-api/docs/thinking). */
  thought?: boolean;
  thoughtSignature?: string;
  inlineData?: { mimeType: string; data: string };
  fileData?: { mimeType?: string; fileUri: string };
  functionCall?: { id?: string; name: string; args?: Record<string, unknown> };
  functionResponse?: { id?: string; name: string; response?: Record<string, unknown> };
}

export interface GeminiContent {
  role?: string;
  parts?: GeminiPart[];
}

export interface GeminiUsageMetadata {
  promptTokenCount: number;
  candidatesTokenCount?: number;
  cachedContentTokenCount?: number;
  thoughtsTokenCount?: number;
  totalTokenCount: number;
  promptTokensDetails?: Array<{ modality: string; tokenCount: number }>;
}

export interface GeminiCandidate {
  content?: GeminiContent;
  finishReason?: string;
  index: number;
  safetyRatings?: Array<{ category: string; probability: string; blocked?: boolean }>;
}

/** https://ai.google.dev/api/generate-content#generatecontentresponse */
export interface GeminiGenerateContentResponse {
  candidates?: GeminiCandidate[];
  promptFeedback?: { blockReason: string; safetyRatings?: GeminiCandidate['safetyRatings'] };
  usageMetadata?: GeminiUsageMetadata;
  modelVersion: string;
  responseId: string;
}

/** https://ai.google.dev/api/generate-content#request-body */
export interface GeminiGenerateContentRequest {
  contents?: GeminiContent[];
  systemInstruction?: GeminiContent;
  tools?: Array<{ functionDeclarations?: Array<{ name: string; description?: string }> }>;
  toolConfig?: { functionCallingConfig?: { mode?: string; allowedFunctionNames?: string[] } };
  generationConfig?: {
    maxOutputTokens?: number;
    temperature?: number;
    topP?: number;
    stopSequences?: string[];
    responseMimeType?: string;
    responseSchema?: unknown;
    responseJsonSchema?: unknown;
    responseModalities?: string[];
  };
}

/** One entry of models.list: https://ai.google.dev/api/models#Model */
export interface GeminiModelResource {
  name: string;
  baseModelId?: string;
  version: string;
  displayName?: string;
  description?: string;
  inputTokenLimit?: number;
  outputTokenLimit?: number;
  supportedGenerationMethods: string[];
  temperature?: number;
  maxTemperature?: number;
  topP?: number;
  topK?: number;
  thinking?: boolean;
}
