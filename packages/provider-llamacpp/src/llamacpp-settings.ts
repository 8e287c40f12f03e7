import { homedir } from 'node:os';
import { join } from 'node:path';
import { type ProviderSetting, SwitchboardError } from '@switchboard/core';
import { defaultThreads } from './default-threads.js';

export const PROVIDER_ID = 'llamacpp';

export const LLAMACPP_SETTINGS: ProviderSetting[] = [
  {
    key: 'modelsDir',
    label: 'Models folder',
    description: 'Folder of .gguf files; each is a model named after its file. hf: downloads land here too.',
    env: ['SWITCHBOARD_MODELS_DIR'],
    default: '~/.switchboard/models',
  },
  {
    key: 'gpu',
    label: 'GPU',
    description:
      "'auto' uses an installed CUDA, Vulkan or Metal build of llama.cpp when it works here, else the CPU; 'off' always uses the CPU.",
    env: ['SWITCHBOARD_LLAMACPP_GPU'],
    default: 'auto',
  },
  {
    key: 'gpuLayers',
    label: 'GPU layers',
    description:
      "'auto' puts as many layers on the GPU as its memory allows; a number puts that many; 0 keeps the model on the CPU.",
    default: 'auto',
  },
  {
    key: 'contextSize',
    label: 'Context size (tokens)',
    description: "'auto' is the model's training size, at most 8192; memory grows with it.",
    default: 'auto',
  },
  {
    key: 'threads',
    label: 'CPU threads',
    description: 'Threads for inference; by default one less than the available cores.',
  },
  {
    key: 'batchSize',
    label: 'Batch size',
    description: "Prompt tokens evaluated at once (llama.cpp's default is 512).",
  },
  {
    key: 'parallelRequests',
    label: 'Parallel requests',
    description: 'Requests one model answers at once, each in its own context sequence; more wait in line.',
    default: '1',
  },
  {
    key: 'idleUnloadSeconds',
    label: 'Unload after idle (seconds)',
    description: 'Free the model (and its process) after this long without requests; 0 keeps it loaded.',
    default: '600',
  },
  {
    key: 'memoryLimitMb',
    label: 'Memory limit (MB)',
    description: 'Refuse to load a model estimated to need more RAM than this; by default the free RAM.',
  },
  {
    key: 'chatWrapper',
    label: 'Chat format',
    description:
      "'auto' follows the model's chat template; or a node-llama-cpp wrapper name (general, chatML, llama3.1, qwen...).",
    default: 'auto',
  },
  {
    key: 'huggingFaceToken',
    label: 'Hugging Face token',
    description: 'For downloading gated hf: models.',
    secret: true,
    env: ['HF_TOKEN'],
  },
  {
    key: 'huggingFaceEndpoint',
    label: 'Hugging Face endpoint',
    description: 'Where hf: URIs resolve (a mirror); by default huggingface.co.',
    env: ['HF_ENDPOINT'],
  },
];

/** Options that decide how a model is loaded; requests differing in them use different processes. */
export interface LoadSettings {
  gpu: 'auto' | false;
  gpuLayers: 'auto' | number;
  contextSize: 'auto' | number;
  threads: number;
  batchSize?: number;
  parallelRequests: number;
  memoryLimitMb?: number;
  chatWrapper: string;
}

export interface LlamaCppSettings extends LoadSettings {
  modelsDir: string;
  idleUnloadMs: number;
  huggingFaceToken?: string;
  huggingFaceEndpoint?: string;
}

type Raw = Readonly<Record<string, unknown>>;

/** Settings (from the editor or the environment), then `providerOptions.llamacpp` over the load options. */
export function parseSettings(settings: Raw, overrides: Raw = {}): LlamaCppSettings {
  const pick = (key: string) => overrides[key] ?? settings[key];
  const memoryLimitMb = optionalNumber(pick('memoryLimitMb'), 'memoryLimitMb', 0);
  const batchSize = optionalNumber(pick('batchSize'), 'batchSize', 1);
  const huggingFaceToken = optionalString(settings.huggingFaceToken);
  const huggingFaceEndpoint = optionalString(settings.huggingFaceEndpoint);
  return {
    modelsDir: expandHome(optionalString(settings.modelsDir) ?? join('~', '.switchboard', 'models')),
    gpu: parseGpu(pick('gpu')),
    gpuLayers: autoOr(pick('gpuLayers'), 'gpuLayers', 0),
    contextSize: autoOr(pick('contextSize'), 'contextSize', 1),
    threads: optionalNumber(pick('threads'), 'threads', 1) ?? defaultThreads(),
    parallelRequests: optionalNumber(pick('parallelRequests'), 'parallelRequests', 1) ?? 1,
    idleUnloadMs: (optionalNumber(settings.idleUnloadSeconds, 'idleUnloadSeconds', 0, false) ?? 600) * 1000,
    chatWrapper: optionalString(pick('chatWrapper')) ?? 'auto',
    ...(batchSize === undefined ? {} : { batchSize }),
    ...(memoryLimitMb === undefined ? {} : { memoryLimitMb }),
    ...(huggingFaceToken === undefined ? {} : { huggingFaceToken }),
    ...(huggingFaceEndpoint === undefined ? {} : { huggingFaceEndpoint }),
  };
}

export function expandHome(path: string): string {
  return path === '~' || path.startsWith('~/') || path.startsWith('~\\')
    ? join(homedir(), path.slice(1))
    : path;
}

function invalid(key: string, value: unknown, expected: string): SwitchboardError {
  return new SwitchboardError(
    'invalid-request',
    `The llamacpp setting ${key} is ${JSON.stringify(value)}; expected ${expected}.`,
    {
      provider: PROVIDER_ID,
      hint: `Fix "${key}" in the llama.cpp provider settings (or in providerOptions.llamacpp).`,
    },
  );
}

function optionalString(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function optionalNumber(value: unknown, key: string, min: number, integer = true): number | undefined {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
    return undefined;
  const number = typeof value === 'number' ? value : Number(String(value).trim());
  if (!Number.isFinite(number) || number < min || (integer && !Number.isInteger(number))) {
    throw invalid(key, value, `${integer ? 'a whole number' : 'a number'} of at least ${min}`);
  }
  return number;
}

function autoOr(value: unknown, key: string, min: number): 'auto' | number {
  if (value === undefined || (typeof value === 'string' && value.trim().toLowerCase() === 'auto'))
    return 'auto';
  return optionalNumber(value, key, min) ?? 'auto';
}

function parseGpu(value: unknown): 'auto' | false {
  if (value === undefined || value === true) return 'auto';
  if (value === false) return false;
  const text = String(value).trim().toLowerCase();
  if (text === '' || text === 'auto') return 'auto';
  if (['off', 'false', 'cpu', 'none', '0'].includes(text)) return false;
  throw invalid('gpu', value, "'auto' or 'off'");
}
