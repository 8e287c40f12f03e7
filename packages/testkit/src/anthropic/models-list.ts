/**
 * GET /v1/models: a page of model objects with `data`, `has_more`, `first_id` and `last_id`,
 * paged by `limit` (default 20), `after_id` and `before_id`.
 * https://platform.claude.com/docs/en/api/models/list
 */

export interface FakeModelOptions {
  displayName?: string;
  vision?: boolean;
  thinking?: boolean;
  structuredOutputs?: boolean;
  maxInputTokens?: number;
  maxTokens?: number;
  createdAt?: string;
}

const supported = (value: boolean) => ({ supported: value });

/** One model object as the Models API returns it (every capability key is always present). */
export function fakeModel(id: string, options: FakeModelOptions = {}): Record<string, unknown> {
  const thinking = options.thinking ?? true;
  return {
    type: 'model',
    id,
    display_name: options.displayName ?? id,
    created_at: options.createdAt ?? '2026-10-01T00:00:00Z',
    lifecycle: 'active',
    deprecated_at: null,
    retires_at: null,
    line: null,
    max_input_tokens: options.maxInputTokens ?? 1_000_000,
    max_tokens: options.maxTokens ?? 128_000,
    capabilities: {
      batch: supported(true),
      citations: supported(true),
      code_execution: supported(false),
      context_management: {
        supported: false,
        clear_thinking_20251015: null,
        clear_tool_uses_20250919: null,
        compact_20260112: null,
      },
      effort: {
        supported: thinking,
        low: supported(thinking),
        medium: supported(thinking),
        high: supported(thinking),
        max: supported(thinking),
        xhigh: null,
      },
      image_input: supported(options.vision ?? true),
      pdf_input: supported(options.vision ?? true),
      server_tools: { supported: false, code_execution: supported(false), web_search: supported(false) },
      structured_outputs: supported(options.structuredOutputs ?? true),
      thinking: {
        supported: thinking,
        types: {
          adaptive: supported(thinking),
          between_tools: supported(false),
          disabled: supported(true),
          enabled: supported(false),
        },
      },
    },
  };
}

export const DEFAULT_FAKE_MODELS: Array<Record<string, unknown>> = [
  fakeModel('claude-opus-5-5', { displayName: 'Claude Opus 5.5' }),
  fakeModel('claude-sonnet-5-5', { displayName: 'Claude Sonnet 5.5' }),
  fakeModel('claude-haiku-5-5', { displayName: 'Claude Haiku 5.5' }),
];

export function modelsPage(
  models: Array<Record<string, unknown>>,
  query: Record<string, string>,
  maxPageSize: number,
): Record<string, unknown> {
  const limit = Math.min(Math.max(Number(query.limit ?? 20) || 20, 1), 1000, maxPageSize);
  const ids = models.map((model) => String(model.id));
  let start = 0;
  let end = models.length;
  if (query.after_id !== undefined) start = ids.indexOf(query.after_id) + 1;
  if (query.before_id !== undefined) end = Math.max(0, ids.indexOf(query.before_id));
  const page =
    query.before_id !== undefined && query.after_id === undefined
      ? models.slice(Math.max(start, end - limit), end)
      : models.slice(start, Math.min(end, start + limit));
  const first = page[0];
  const last = page.at(-1);
  const hasMore =
    query.before_id !== undefined && query.after_id === undefined ? end - limit > start : start + limit < end;
  return {
    data: page,
    has_more: hasMore,
    first_id: first ? String(first.id) : null,
    last_id: last ? String(last.id) : null,
  };
}
