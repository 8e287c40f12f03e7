import type { ModelInfo, RequestOptionName } from '@switchboard/core';
import {
  DEEPSEEK_MODELS,
  FIREWORKS_MODELS,
  GROQ_MODELS,
  MISTRAL_MODELS,
  OPENAI_MODELS,
  OPENROUTER_MODELS,
  TOGETHER_MODELS,
  XAI_MODELS,
} from './models.js';

/**
 * One OpenAI-compatible service, as data: where it lives, how it authenticates, and what of the
 * Chat Completions API it honours. Every preset is served by the same model classes.
 */
export interface OpenAIPreset {
  id: string;
  displayName: string;
  /** `azure` uses the SDK's AzureOpenAI client (deployment paths, `api-key` header, `api-version`). */
  client: 'openai' | 'azure';
  /** Default base URL; absent when the user must give one. */
  baseUrl?: string;
  baseUrlEnv: string[];
  /** `none`: the server takes no key (no Authorization header is sent). */
  apiKey: 'required' | 'optional' | 'none';
  apiKeyEnv: string[];
  /** Runs on this machine: free, private. */
  local?: boolean;
  /** Said when the server cannot be reached, e.g. how to start it. */
  unreachableHint?: string;
  /** Asks for `stream_options.include_usage`; a server that rejects unknown fields gets false. */
  streamUsage: boolean;
  /** Honours `response_format: json_schema`; without it a schema degrades to `json_object` with a warning. */
  jsonSchema: boolean;
  /** The body field that carries `seed` (Mistral calls it `random_seed`). */
  seedField: 'seed' | 'random_seed';
  /** OpenAI's rules for its reasoning models apply (o-series, gpt-5): `max_completion_tokens`, no sampling options. */
  reasoningModelRules: boolean;
  /** Request options the service does not take: dropped with a warning. */
  unsupportedOptions: RequestOptionName[];
  /** `GET /models` lists what can be called (Azure's lists base models, not the deployments one calls). */
  liveModelList: boolean;
  /** Model kinds beyond chat that the service serves on the OpenAI paths. */
  embeddings: boolean;
  images: boolean;
  speech: boolean;
  /** Known models; the live list adds the rest. */
  models: readonly ModelInfo[];
  /** Facts that apply to a model of that id without it being listed (Azure deployments named after OpenAI models). */
  modelFacts?: readonly ModelInfo[];
  /** Extra headers on every request (e.g. OpenRouter's app attribution). */
  headers?: Record<string, string>;
  /** Extra settings beyond apiKey and baseUrl. */
  extraSettings?: Array<{
    key: string;
    label: string;
    env: string[];
    default?: string;
    description?: string;
  }>;
}

const hosted = {
  client: 'openai',
  apiKey: 'required',
  streamUsage: true,
  jsonSchema: true,
  seedField: 'seed',
  reasoningModelRules: false,
  unsupportedOptions: [],
  liveModelList: true,
  embeddings: false,
  images: false,
  speech: false,
  models: [],
} as const satisfies Partial<OpenAIPreset>;

/** The latest GA data-plane version: https://learn.microsoft.com/en-us/azure/ai-services/openai/reference */
export const AZURE_DEFAULT_API_VERSION = '2024-10-21';

/** Every provider id this package serves. */
export const PRESETS: readonly OpenAIPreset[] = [
  {
    ...hosted,
    id: 'openai',
    displayName: 'OpenAI',
    baseUrl: 'https://api.openai.com/v1',
    baseUrlEnv: ['OPENAI_BASE_URL'],
    apiKeyEnv: ['OPENAI_API_KEY'],
    reasoningModelRules: true,
    embeddings: true,
    images: true,
    speech: true,
    models: OPENAI_MODELS,
    extraSettings: [
      { key: 'organization', label: 'Organization id', env: ['OPENAI_ORG_ID'] },
      { key: 'project', label: 'Project id', env: ['OPENAI_PROJECT_ID'] },
    ],
  },
  {
    ...hosted,
    id: 'azure',
    displayName: 'Azure OpenAI',
    client: 'azure',
    // The resource endpoint, e.g. https://my-resource.openai.azure.com; model ids are deployment names.
    baseUrlEnv: ['AZURE_API_BASE', 'AZURE_OPENAI_ENDPOINT'],
    apiKeyEnv: ['AZURE_API_KEY', 'AZURE_OPENAI_API_KEY'],
    reasoningModelRules: true,
    liveModelList: false,
    embeddings: true,
    images: true,
    speech: true,
    modelFacts: OPENAI_MODELS,
    extraSettings: [
      {
        key: 'apiVersion',
        label: 'API version',
        env: ['AZURE_API_VERSION', 'OPENAI_API_VERSION'],
        default: AZURE_DEFAULT_API_VERSION,
      },
    ],
  },
  {
    ...hosted,
    id: 'lmstudio',
    displayName: 'LM Studio',
    baseUrl: 'http://127.0.0.1:1234/v1',
    baseUrlEnv: ['LM_STUDIO_BASE_URL'],
    apiKey: 'none',
    apiKeyEnv: [],
    local: true,
    unreachableHint: 'Start the LM Studio server (Developer tab, or `lms server start`) and load a model.',
    embeddings: true,
  },
  {
    ...hosted,
    id: 'vllm',
    displayName: 'vLLM',
    baseUrl: 'http://127.0.0.1:8000/v1',
    baseUrlEnv: ['VLLM_BASE_URL'],
    apiKey: 'optional',
    apiKeyEnv: ['VLLM_API_KEY'],
    local: true,
    unreachableHint: 'Start the server with `vllm serve <model>` and check VLLM_BASE_URL.',
    embeddings: true,
  },
  {
    ...hosted,
    id: 'groq',
    displayName: 'Groq',
    baseUrl: 'https://api.groq.com/openai/v1',
    baseUrlEnv: ['GROQ_BASE_URL'],
    apiKeyEnv: ['GROQ_API_KEY'],
    models: GROQ_MODELS,
  },
  {
    ...hosted,
    id: 'openrouter',
    displayName: 'OpenRouter',
    baseUrl: 'https://openrouter.ai/api/v1',
    baseUrlEnv: ['OPENROUTER_BASE_URL'],
    apiKeyEnv: ['OPENROUTER_API_KEY'],
    models: OPENROUTER_MODELS,
    // App attribution: https://openrouter.ai/docs/api-reference/overview#headers
    headers: { 'X-Title': 'Switchboard' },
  },
  {
    ...hosted,
    id: 'deepseek',
    displayName: 'DeepSeek',
    baseUrl: 'https://api.deepseek.com/v1',
    baseUrlEnv: ['DEEPSEEK_BASE_URL'],
    apiKeyEnv: ['DEEPSEEK_API_KEY'],
    // JSON output is json_object only: https://api-docs.deepseek.com/guides/json_mode
    jsonSchema: false,
    models: DEEPSEEK_MODELS,
  },
  {
    ...hosted,
    id: 'together',
    displayName: 'Together AI',
    baseUrl: 'https://api.together.xyz/v1',
    baseUrlEnv: ['TOGETHER_BASE_URL'],
    apiKeyEnv: ['TOGETHER_API_KEY', 'TOGETHERAI_API_KEY'],
    embeddings: true,
    models: TOGETHER_MODELS,
  },
  {
    ...hosted,
    id: 'mistral',
    displayName: 'Mistral',
    baseUrl: 'https://api.mistral.ai/v1',
    baseUrlEnv: ['MISTRAL_BASE_URL'],
    apiKeyEnv: ['MISTRAL_API_KEY'],
    // Mistral validates bodies strictly (no stream_options) and names the seed `random_seed`:
    // https://docs.mistral.ai/api/#tag/chat/operation/chat_completion_v1_chat_completions_post
    streamUsage: false,
    seedField: 'random_seed',
    embeddings: true,
    models: MISTRAL_MODELS,
  },
  {
    ...hosted,
    id: 'xai',
    displayName: 'xAI',
    baseUrl: 'https://api.x.ai/v1',
    baseUrlEnv: ['XAI_BASE_URL'],
    apiKeyEnv: ['XAI_API_KEY'],
    images: true,
    models: XAI_MODELS,
  },
  {
    ...hosted,
    id: 'fireworks',
    displayName: 'Fireworks AI',
    baseUrl: 'https://api.fireworks.ai/inference/v1',
    baseUrlEnv: ['FIREWORKS_BASE_URL'],
    apiKeyEnv: ['FIREWORKS_API_KEY', 'FIREWORKS_AI_API_KEY'],
    embeddings: true,
    models: FIREWORKS_MODELS,
  },
  {
    ...hosted,
    id: 'openai-compatible',
    displayName: 'OpenAI-compatible server',
    baseUrlEnv: ['OPENAI_COMPATIBLE_BASE_URL'],
    apiKey: 'optional',
    apiKeyEnv: ['OPENAI_COMPATIBLE_API_KEY'],
    embeddings: true,
    images: true,
    speech: true,
  },
];

export function presetById(id: string): OpenAIPreset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}

/** What the preset knows about a model id, listed or not. */
export function knownModelInfo(preset: OpenAIPreset, modelId: string): ModelInfo | undefined {
  return (
    preset.models.find((model) => model.id === modelId) ??
    preset.modelFacts?.find((model) => model.id === modelId)
  );
}
