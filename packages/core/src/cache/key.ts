import { createHash } from 'node:crypto';
import type { ChatRequest } from '../types/request.js';

/** Bumped when the canonical form changes, so old disk entries stop matching. */
const KEY_VERSION = 1;

/**
 * The cache key of a request to a model: sha256 hex of a canonical JSON of both.
 *
 * Canonical: object keys sorted at every depth, undefined values dropped, image bytes replaced by
 * their sha256 (so the bytes count, without putting megabytes in the key). Two requests that differ
 * only in key order share a key; any difference in what the model sees changes it.
 *
 * `metadata` is left out: it is tags for the ledger and does not change the answer, so tagging a
 * request differently should still hit. `providerOptions` stays in: it does change the answer.
 */
export function canonicalRequestKey(modelId: string, request: ChatRequest): string {
  const { metadata: _tags, ...meaningful } = request;
  const canonical = canonicalJson({ v: KEY_VERSION, model: modelId, request: meaningful });
  return createHash('sha256').update(canonical).digest('hex');
}

/** JSON with sorted keys and no undefined, for hashing. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalize(value)) ?? 'null';
}

function canonicalize(value: unknown): unknown {
  if (value instanceof Uint8Array) {
    return { $bytes: createHash('sha256').update(value).digest('base64') };
  }
  if (Array.isArray(value)) return value.map((item) => canonicalize(item) ?? null);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = canonicalize((value as Record<string, unknown>)[key]);
      if (item !== undefined) out[key] = item;
    }
    return out;
  }
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (typeof value === 'bigint') return value.toString();
  return value;
}
