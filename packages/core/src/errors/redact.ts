/**
 * Keeps API keys out of every message, log line and error. Two nets:
 * 1. exact values: every key Switchboard resolves is registered here and replaced wherever it appears;
 * 2. shapes: well-known key formats and auth headers, for keys we were never told about.
 */
const knownSecrets = new Set<string>();

/** Registers a secret value so that `redact()` removes it everywhere from now on. */
export function registerSecret(value: string | undefined): void {
  // Very short values would redact ordinary words; real keys are long.
  if (value && value.length >= 8) knownSecrets.add(value);
}

/** Key formats; where a pattern has a capture group, that group (a label like `api_key=`) is kept. */
const SECRET_SHAPES: RegExp[] = [
  /\bsk-(?:ant-|proj-|or-v1-)?[A-Za-z0-9_-]{8,}/g, // OpenAI, Anthropic, OpenRouter
  /\bAIza[0-9A-Za-z_-]{20,}/g, // Google
  /\bgsk_[A-Za-z0-9]{16,}/g, // Groq
  /\bxai-[A-Za-z0-9]{16,}/g, // xAI
  /\bhf_[A-Za-z0-9]{16,}/g, // Hugging Face
  /\b((?:Bearer|Basic)\s+)[A-Za-z0-9._~+/=-]{8,}/gi,
  /((?:api[-_]?key|x-api-key|x-goog-api-key|access[-_]?token|authorization)["']?\s*[:=]\s*["']?)[^\s"'&,}]{6,}/gi,
  /([?&](?:key|api_key|apikey|token)=)[^&\s"']+/gi,
];

export const REDACTED = '[REDACTED]';

export function redact(text: string): string {
  let out = text;
  for (const secret of knownSecrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  for (const shape of SECRET_SHAPES) {
    out = out.replace(
      shape,
      (_match, label?: unknown) => (typeof label === 'string' ? label : '') + REDACTED,
    );
  }
  return out;
}

/** Redacts every string inside a JSON-like value (for structured log records). */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map(redactDeep) as T;
  if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = /^(api[-_]?key|authorization|x-api-key|secret|token|password)$/i.test(k)
        ? REDACTED
        : redactDeep(v);
    }
    return out as T;
  }
  return value;
}
