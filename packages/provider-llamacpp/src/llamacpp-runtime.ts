import { mkdir, stat } from 'node:fs/promises';
import type { ProviderContext } from '@switchboard/core';
import { abortable } from './abortable.js';
import { GgufFormatError, type GgufHeader, readGgufHeader } from './gguf/read-gguf.js';
import { validateGguf } from './gguf/validate-gguf.js';
import { badFileError, toLlamaCppError } from './llamacpp-error.js';
import { type LlamaCppSettings, PROVIDER_ID, parseSettings } from './llamacpp-settings.js';
import { modelSource, recordDownload, recordedDownload, requireFile } from './model-files.js';
import { type GgufFacts, ggufFacts } from './model-info.js';
import { ModelProcess } from './model-process.js';
import type { LoadOptions } from './protocol.js';
import { WorkerClient } from './worker-client.js';

export interface DownloadProgress {
  downloadedBytes: number;
  totalBytes: number;
}

/**
 * Everything the provider holds: one `ModelProcess` per model and load options, downloads in
 * flight (one per URI, however many requests wait), and GGUF headers already checked.
 */
export class LlamaCppRuntime {
  private readonly processes = new Map<string, ModelProcess>();
  private readonly downloads = new Map<string, Promise<string>>();
  private readonly inspected = new Map<string, Promise<GgufFacts>>();

  constructor(readonly workerPath: string) {}

  /** Every model process this provider made (loaded or not), for diagnostics. */
  get modelProcesses(): ModelProcess[] {
    return [...this.processes.values()];
  }

  /** The process serving this model with these settings, created (not yet started) if needed. */
  async processFor(
    modelId: string,
    context: ProviderContext,
    overrides: unknown,
    signal?: AbortSignal,
  ): Promise<{ process: ModelProcess; settings: LlamaCppSettings; facts: GgufFacts }> {
    const settings = parseSettings(context.settings, isRecord(overrides) ? overrides : {});
    const path = await this.resolvePath(modelId, settings, context, signal);
    const facts = await this.inspect(path, modelId);
    const load: LoadOptions = {
      modelPath: path,
      gpu: settings.gpu,
      gpuLayers: settings.gpuLayers,
      contextSize: settings.contextSize,
      threads: settings.threads,
      sequences: settings.parallelRequests,
      chatWrapper: settings.chatWrapper,
      ...(settings.batchSize === undefined ? {} : { batchSize: settings.batchSize }),
      ...(settings.memoryLimitMb === undefined ? {} : { memoryLimitBytes: settings.memoryLimitMb * 2 ** 20 }),
    };
    const key = JSON.stringify([load, settings.idleUnloadMs]);
    let process = this.processes.get(key);
    if (!process) {
      // New load options for a file already loaded: an idle copy goes now, not at its idle timeout;
      // two copies of one model are only kept while the old one is still answering.
      for (const [otherKey, other] of this.processes) {
        if (other.modelPath === path && !other.busy) {
          other.unload();
          this.processes.delete(otherKey);
        }
      }
      process = new ModelProcess({
        workerPath: this.workerPath,
        load,
        idleUnloadMs: settings.idleUnloadMs,
        label: `${PROVIDER_ID}/${modelId}`,
        ...(context.log ? { log: context.log } : {}),
      });
      this.processes.set(key, process);
    }
    return { process, settings, facts };
  }

  /** Reads and checks a GGUF header once per file version (path, size and mtime). */
  async inspect(path: string, modelId: string): Promise<GgufFacts> {
    const info = await stat(path);
    const key = `${path}\0${info.size}\0${info.mtimeMs}`;
    let facts = this.inspected.get(key);
    if (!facts) {
      facts = this.readFacts(path, modelId);
      facts.catch(() => this.inspected.delete(key));
      this.inspected.set(key, facts);
    }
    return facts;
  }

  private async readFacts(path: string, modelId: string): Promise<GgufFacts> {
    let header: GgufHeader;
    try {
      header = await readGgufHeader(path);
    } catch (error) {
      if (error instanceof GgufFormatError) {
        throw badFileError(
          { kind: error.problem === 'truncated' ? 'truncated' : 'invalid', message: error.message },
          path,
          modelId,
        );
      }
      throw toLlamaCppError(error, modelId);
    }
    const problem = validateGguf(header);
    if (problem) throw badFileError(problem, path, modelId);
    return ggufFacts(path, header);
  }

  private async resolvePath(
    modelId: string,
    settings: LlamaCppSettings,
    context: ProviderContext,
    signal?: AbortSignal,
  ): Promise<string> {
    const source = modelSource(modelId, settings.modelsDir);
    if (source.kind === 'file') {
      await requireFile(source.path, modelId, settings.modelsDir);
      return source.path;
    }
    const known = await recordedDownload(settings.modelsDir, source.uri);
    if (known) return known;
    let download = this.downloads.get(source.uri);
    if (!download) {
      download = this.download(source.uri, settings, modelId, reportProgress(source.uri, context));
      this.downloads.set(source.uri, download);
      void download.finally(() => this.downloads.delete(source.uri)).catch(() => {});
    }
    // Each request may stop waiting; the download goes on for the others (and resumes if killed).
    return abortable(download, signal).catch((error: unknown) => {
      throw toLlamaCppError(error, modelId);
    });
  }

  /** Downloads a model URI into the models folder, in a worker process of its own. */
  async download(
    uri: string,
    settings: LlamaCppSettings,
    modelId = uri,
    onProgress?: (progress: DownloadProgress) => void,
    signal?: AbortSignal,
  ): Promise<string> {
    await mkdir(settings.modelsDir, { recursive: true });
    const client = new WorkerClient({ workerPath: this.workerPath, label: `the download of ${uri}` });
    try {
      const { path } = await client.request(
        {
          type: 'download',
          download: {
            uri,
            directory: settings.modelsDir,
            ...(settings.huggingFaceEndpoint ? { huggingFaceEndpoint: settings.huggingFaceEndpoint } : {}),
            ...(settings.huggingFaceToken ? { huggingFaceToken: settings.huggingFaceToken } : {}),
          },
        },
        {
          ...(signal ? { signal } : {}),
          onEvent: (event) => {
            if (event.type === 'progress') onProgress?.(event);
          },
        },
      );
      await recordDownload(settings.modelsDir, uri, path);
      return path;
    } catch (error) {
      throw toLlamaCppError(error, modelId);
    } finally {
      client.kill();
    }
  }

  async dispose(): Promise<void> {
    for (const process of this.processes.values()) process.unload();
    this.processes.clear();
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reports a download's progress to the host's progress UI and its log, at most every 10 percent. */
function reportProgress(uri: string, context: ProviderContext): (progress: DownloadProgress) => void {
  let lastTenth = -1;
  return ({ downloadedBytes, totalBytes }) => {
    const tenth = totalBytes > 0 ? Math.floor((downloadedBytes / totalBytes) * 10) : 0;
    if (tenth === lastTenth) return;
    lastTenth = tenth;
    const message = `Downloading ${uri}: ${tenth * 10}% of ${Math.round(totalBytes / 2 ** 20)} MB`;
    context.log?.('info', message);
    context.progress?.({
      task: `download ${uri}`,
      message,
      ...(totalBytes > 0 ? { fraction: downloadedBytes / totalBytes } : {}),
      done: totalBytes > 0 && downloadedBytes >= totalBytes,
    });
  };
}
