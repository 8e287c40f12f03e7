import { SwitchboardError } from '@switchboard/core';
import { rootMessage } from './ollama-error.js';

/** Large enough for any photo a vision model takes, small enough not to exhaust memory. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/** Names the image without its query string, which may hold a signature or token. */
function describe(url: URL): string {
  return url.protocol === 'data:' ? 'a data: URL' : `${url.origin}${url.pathname}`;
}

function invalid(message: string, cause?: unknown): SwitchboardError {
  // Another provider may accept image URLs itself, so a fallback can still help.
  return new SwitchboardError('invalid-request', message, {
    provider: 'ollama',
    fallbackMayHelp: true,
    hint: 'Check that the image URL is reachable, or send the image bytes instead.',
    ...(cause !== undefined ? { cause } : {}),
  });
}

/**
 * Fetches an image given by URL and returns its bytes. Ollama accepts only base64 images and
 * never fetches URLs itself, so the provider does it, with the request's signal so that a
 * cancelled request stops the download too. http(s) and data: URLs are accepted.
 */
export async function fetchImage(href: string, signal: AbortSignal): Promise<Uint8Array> {
  let url: URL;
  try {
    url = new URL(href);
  } catch (error) {
    throw invalid('An image URL in the request is not a valid URL.', error);
  }
  if (!['http:', 'https:', 'data:'].includes(url.protocol)) {
    throw invalid(`Ollama can only be sent images from http(s) or data: URLs, not ${url.protocol} ones.`);
  }
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal.aborted) throw error; // the caller's cancel or timeout, mapped by the caller
    throw invalid(`Could not download the image at ${describe(url)}: ${rootMessage(error)}`, error);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw invalid(`Could not download the image at ${describe(url)}: HTTP ${response.status}.`);
  }
  const type = response.headers.get('content-type') ?? '';
  if (type && !/^(image\/|application\/octet-stream)/i.test(type)) {
    await response.body?.cancel();
    throw invalid(`The URL ${describe(url)} did not return an image (content-type ${type}).`);
  }
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_IMAGE_BYTES) {
    await response.body?.cancel();
    throw invalid(`The image at ${describe(url)} is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MiB.`);
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength > MAX_IMAGE_BYTES) {
    throw invalid(`The image at ${describe(url)} is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MiB.`);
  }
  return bytes;
}
