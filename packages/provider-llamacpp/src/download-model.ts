import { DEFAULT_WORKER_PATH } from './llamacpp-provider.js';
import { type DownloadProgress, LlamaCppRuntime } from './llamacpp-runtime.js';
import { parseSettings } from './llamacpp-settings.js';

export interface DownloadModelOptions {
  /** Defaults to the models folder setting (SWITCHBOARD_MODELS_DIR, else ~/.switchboard/models). */
  directory?: string;
  onProgress?: (progress: DownloadProgress) => void;
  signal?: AbortSignal;
  huggingFaceToken?: string;
  huggingFaceEndpoint?: string;
  workerPath?: string;
}

/**
 * Downloads a model (`hf:user/repo/file.gguf`, `hf:user/repo:Q4_K_M`, or an http(s) link) into
 * the models folder with progress, for a command or script; an interrupted download resumes.
 * Returns the file's path; its model id is the file name without `.gguf`.
 */
export function downloadModel(uri: string, options: DownloadModelOptions = {}): Promise<string> {
  const settings = parseSettings({
    modelsDir: options.directory ?? process.env.SWITCHBOARD_MODELS_DIR,
    huggingFaceToken: options.huggingFaceToken ?? process.env.HF_TOKEN,
    huggingFaceEndpoint: options.huggingFaceEndpoint ?? process.env.HF_ENDPOINT,
  });
  const runtime = new LlamaCppRuntime(options.workerPath ?? DEFAULT_WORKER_PATH);
  return runtime.download(uri, settings, uri, options.onProgress, options.signal);
}
