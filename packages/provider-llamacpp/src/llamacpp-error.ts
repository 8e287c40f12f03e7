import {
  type ErrorDetails,
  type ErrorKind,
  isSwitchboardError,
  SwitchboardError,
  toSwitchboardError,
} from '@switchboard/core';
import type { GgufProblem } from './gguf/validate-gguf.js';
import { PROVIDER_ID } from './llamacpp-settings.js';
import { WorkerRequestError } from './worker-client.js';

interface Mapping {
  kind: ErrorKind;
  hint: string;
  retryable?: boolean;
  fallbackMayHelp?: boolean;
}

const BAD_FILE = 'Download the model again (or convert it with a current llama.cpp), or pick another model.';

/** What each worker failure means for the user, and what to do about it. */
const MAPPINGS: Record<WorkerRequestError['code'], Mapping> = {
  'file-not-found': {
    kind: 'not-found',
    hint: 'Put the .gguf file in the models folder, use its absolute path, or an hf: URI to download it.',
  },
  'invalid-model': { kind: 'invalid-request', hint: BAD_FILE, fallbackMayHelp: true },
  'unsupported-architecture': {
    kind: 'invalid-request',
    hint: "Pick a model with an architecture llama.cpp supports, or update Switchboard's llama.cpp backend.",
    fallbackMayHelp: true,
  },
  'insufficient-memory': {
    kind: 'service-unavailable',
    hint: 'Lower the llamacpp contextSize or gpuLayers setting, close other programs, or use a smaller (more quantized) model.',
    retryable: false,
  },
  'no-binary': {
    kind: 'plugin',
    hint: 'Install @node-llama-cpp for this platform at the same version as node-llama-cpp (3.22.1), or reinstall Switchboard.',
  },
  'context-window-exceeded': {
    kind: 'context-window-exceeded',
    hint: 'Shorten the conversation, raise the llamacpp contextSize setting, or use a model with a larger context.',
  },
  'invalid-request': {
    kind: 'invalid-request',
    hint: 'Check the options sent with the request (tools, JSON schema, chat format).',
  },
  'download-not-found': {
    kind: 'not-found',
    hint: 'Check the URI: hf:<user>/<repo>/<file>.gguf, hf:<user>/<repo>:<quant>, or an https:// link to a .gguf file.',
  },
  'download-failed': {
    kind: 'connection',
    hint: 'Check the network connection (and HF_ENDPOINT or a proxy); the download resumes where it stopped.',
  },
  cancelled: { kind: 'cancelled', hint: 'The request was cancelled.' },
  internal: { kind: 'unknown', hint: 'See the Switchboard log; the next request starts over.' },
  crashed: {
    kind: 'service-unavailable',
    hint: 'Switchboard starts a fresh llama.cpp process on the next request.',
    retryable: true,
  },
  'crashed-while-loading': {
    kind: 'invalid-request',
    hint: `The model file makes llama.cpp abort while loading it (a malformed vocabulary or tensor). ${BAD_FILE}`,
    fallbackMayHelp: true,
  },
};

/** Turns whatever a llama.cpp call threw into a Switchboard error naming the model. */
export function toLlamaCppError(error: unknown, modelId: string): SwitchboardError {
  const model = `${PROVIDER_ID}/${modelId}`;
  if (isSwitchboardError(error)) return toSwitchboardError(error);
  if (error instanceof WorkerRequestError) {
    const mapping = MAPPINGS[error.code];
    const details: ErrorDetails = { provider: PROVIDER_ID, model, code: error.code, hint: mapping.hint };
    if (mapping.retryable !== undefined) details.retryable = mapping.retryable;
    if (mapping.fallbackMayHelp !== undefined) details.fallbackMayHelp = mapping.fallbackMayHelp;
    const message = error.code === 'cancelled' ? error.message : `${model}: ${sentence(error.message)}`;
    return new SwitchboardError(mapping.kind, message, details);
  }
  return toSwitchboardError(error, { provider: PROVIDER_ID, model });
}

/** A file the host's own checks rejected before any native code saw it. */
export function badFileError(problem: GgufProblem, path: string, modelId: string): SwitchboardError {
  const what =
    problem.kind === 'aborts-llama-cpp'
      ? `${path} has a malformed vocabulary that would crash llama.cpp: ${problem.message}.`
      : `${path} is not a usable GGUF model: ${sentence(problem.message)}`;
  return new SwitchboardError('invalid-request', `${PROVIDER_ID}/${modelId}: ${what}`, {
    provider: PROVIDER_ID,
    model: `${PROVIDER_ID}/${modelId}`,
    code: problem.kind === 'truncated' ? 'truncated-gguf' : 'invalid-gguf',
    hint: BAD_FILE,
    fallbackMayHelp: true,
  });
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
