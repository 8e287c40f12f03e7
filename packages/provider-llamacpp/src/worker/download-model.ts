import type { DownloadRequest, WorkerEvent } from '../protocol.js';
import { loadNodeLlamaCpp } from './node-llama-cpp.js';
import { firstLine, WorkerFailure } from './worker-failure.js';

/** Progress is sent at most this often; a fast local download would otherwise flood IPC. */
const PROGRESS_INTERVAL_MS = 250;

/**
 * Downloads `hf:` and http(s) URIs with node-llama-cpp's downloader (ipull): parallel
 * connections, split files joined, and an interrupted download resumed from its temporary
 * file on the next try (the temporary file is kept on cancel for that reason).
 */
export async function downloadModel(
  request: DownloadRequest,
  signal: AbortSignal,
  emit: (event: WorkerEvent) => void,
): Promise<{ path: string }> {
  const lib = await loadNodeLlamaCpp();
  await probe(request, signal);
  const progress = throttle((downloadedBytes: number, totalBytes: number) =>
    emit({ type: 'progress', downloadedBytes, totalBytes }),
  );
  try {
    const downloader = await lib.createModelDownloader({
      modelUri: request.uri,
      dirPath: request.directory,
      showCliProgress: false,
      skipExisting: true,
      deleteTempFileOnCancel: false,
      ...(request.huggingFaceEndpoint ? { endpoints: { huggingFace: request.huggingFaceEndpoint } } : {}),
      ...(request.huggingFaceToken ? { tokens: { huggingFace: request.huggingFaceToken } } : {}),
      onProgress: ({ downloadedSize, totalSize }) => progress.update(downloadedSize, totalSize),
    });
    const path = await downloader.download({ signal });
    progress.update(downloader.totalSize, downloader.totalSize);
    return { path };
  } catch (error) {
    if (signal.aborted) throw error;
    const message = firstLine(error);
    const notFound = /\b404\b|not found/i.test(message);
    throw new WorkerFailure(
      notFound ? 'download-not-found' : 'download-failed',
      `Could not download ${request.uri}: ${message}`,
    );
  } finally {
    progress.flush();
  }
}

/** At most one report per interval, the latest one; a report held back is sent when it ends. */
function throttle(report: (downloaded: number, total: number) => void) {
  let last = 0;
  let held: [number, number] | undefined;
  let timer: NodeJS.Timeout | undefined;
  let sent = '';
  const send = (downloaded: number, total: number) => {
    const key = `${downloaded}/${total}`;
    if (key === sent) return; // ipull repeats the final figure
    sent = key;
    last = Date.now();
    report(downloaded, total);
  };
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (held) send(...held);
    held = undefined;
  };
  return {
    update(downloaded: number, total: number) {
      held = [downloaded, total];
      const wait = PROGRESS_INTERVAL_MS - (Date.now() - last);
      if (wait <= 0) flush();
      else timer ??= setTimeout(flush, wait);
    },
    flush,
  };
}

/** How long the host of a download may take to answer at all. */
const PROBE_TIMEOUT_MS = 15_000;

/**
 * Fails fast when the download's host cannot be reached: ipull retries a failing transfer with
 * backoff for minutes, which suits a flaky connection, not an offline machine or a wrong host.
 * Any HTTP answer, even an error status, counts as reachable.
 */
async function probe(request: DownloadRequest, signal: AbortSignal): Promise<void> {
  const url = request.uri.startsWith('hf:')
    ? (request.huggingFaceEndpoint ?? process.env.HF_ENDPOINT ?? 'https://huggingface.co/')
    : request.uri;
  try {
    const response = await fetch(url, {
      method: 'HEAD',
      redirect: 'manual',
      signal: AbortSignal.any([signal, AbortSignal.timeout(PROBE_TIMEOUT_MS)]),
    });
    await response.body?.cancel();
  } catch (error) {
    if (signal.aborted) throw error;
    const cause = (error as { cause?: unknown }).cause;
    const reason = networkCode(error) ?? firstLine(cause instanceof Error ? cause : error);
    throw new WorkerFailure(
      'download-failed',
      `Could not reach ${new URL(url).host} to download ${request.uri} (${reason})`,
    );
  }
}

/** The socket error code (ECONNREFUSED, ENOTFOUND...) somewhere in fetch's cause chain. */
function networkCode(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const next = queue.shift();
    if (typeof next !== 'object' || next === null || seen.has(next)) continue;
    seen.add(next);
    const { code, cause, errors } = next as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
    queue.push(cause, ...(Array.isArray(errors) ? errors : []));
  }
  return undefined;
}
