// Downloads a model for the llama.cpp provider. The extension reaches providers only through the
// registry, so this asks the registry which plugin serves `llamacpp` and uses the `downloadModel`
// that plugin's module exports: real progress, real cancellation (the download's worker process
// is killed), and no model loaded just to fetch a file. A plugin without that export still
// downloads on first use of a `llamacpp/<uri>` model: counting a prompt's tokens triggers it,
// with progress through the registry's progress channel, but cancelling only stops waiting.
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Engine } from '../../engine/index.js';

const PROVIDER = 'llamacpp';

export interface DownloadOptions {
  directory: string;
  signal: AbortSignal;
  onProgress(downloadedBytes: number, totalBytes: number): void;
  huggingFaceToken?: string;
  huggingFaceEndpoint?: string;
}

export interface DownloadedModel {
  /** Model id within the provider: the file name without `.gguf`, or the URI itself. */
  modelId: string;
  /** Where the file landed, when the plugin says. */
  path?: string;
}

/** The `downloadModel` export of @switchboard/provider-llamacpp (see its download-model.ts). */
type DownloadModel = (
  uri: string,
  options: {
    directory?: string;
    onProgress?: (progress: { downloadedBytes: number; totalBytes: number }) => void;
    signal?: AbortSignal;
    huggingFaceToken?: string;
    huggingFaceEndpoint?: string;
  },
) => Promise<string>;

export async function downloadLocalModel(
  engine: Engine,
  uri: string,
  options: DownloadOptions,
): Promise<DownloadedModel> {
  // Loads the plugin (and fails with the registry's own message when there is none).
  await engine.providerRegistry.getProvider(PROVIDER);
  const download = await pluginDownloader(engine);
  if (download) {
    const path = await download(uri, {
      directory: options.directory,
      signal: options.signal,
      onProgress: ({ downloadedBytes, totalBytes }) => options.onProgress(downloadedBytes, totalBytes),
      ...(options.huggingFaceToken ? { huggingFaceToken: options.huggingFaceToken } : {}),
      ...(options.huggingFaceEndpoint ? { huggingFaceEndpoint: options.huggingFaceEndpoint } : {}),
    });
    return { modelId: basename(path).replace(/\.gguf$/i, ''), path };
  }
  const model = await engine.providerRegistry.chatModel(`${PROVIDER}/${uri}`);
  if (!model.countTokens) {
    throw new Error(
      `The ${PROVIDER} plugin cannot download models; put the .gguf file in ${options.directory}.`,
    );
  }
  await model.countTokens({ messages: [{ role: 'user', content: '.' }] }, { signal: options.signal });
  return { modelId: uri };
}

async function pluginDownloader(engine: Engine): Promise<DownloadModel | undefined> {
  const serving = engine
    .plugins()
    .statuses.find(
      (status) =>
        status.status === 'loaded' &&
        status.providerIds.includes(PROVIDER) &&
        !status.shadowedIds?.includes(PROVIDER),
    );
  if (!serving?.entryPath) return undefined;
  // The module the registry imported: the same URL gives the same module instance.
  const module = (await import(pathToFileURL(serving.entryPath).href)) as { downloadModel?: unknown };
  return typeof module.downloadModel === 'function' ? (module.downloadModel as DownloadModel) : undefined;
}
