import { redact } from './redact.js';

/**
 * The one error taxonomy every provider maps into. Errors are recognised by a brand, not by
 * `instanceof`: a third-party plugin bundles its own copy of core, whose class is a different object.
 */
export type ErrorKind =
  | 'authentication'
  | 'permission-denied'
  | 'rate-limit'
  | 'quota-exceeded'
  | 'context-window-exceeded'
  | 'content-filtered'
  | 'invalid-request'
  | 'not-found'
  | 'timeout'
  | 'connection'
  | 'service-unavailable'
  | 'invalid-response'
  | 'cancelled'
  | 'budget-exceeded'
  | 'plugin'
  | 'unknown';

/** What the editor can offer as a button next to the message. */
export type ErrorAction = 'set-api-key' | 'open-settings' | 'select-model' | 'show-log';

interface KindTraits {
  retryable: boolean;
  fallbackMayHelp: boolean;
  action?: ErrorAction;
  hint: (provider?: string) => string;
}

const of = (p?: string) => (p ? ` for ${p}` : '');

export const ERROR_KINDS: Record<ErrorKind, KindTraits> = {
  authentication: {
    retryable: false,
    fallbackMayHelp: true,
    action: 'set-api-key',
    hint: (p) => `Check the API key${of(p)}: set a valid one with "Switchboard: Set API Key".`,
  },
  'permission-denied': {
    retryable: false,
    fallbackMayHelp: true,
    action: 'set-api-key',
    hint: (p) => `The API key${of(p)} is not allowed to use this model; use another key or model.`,
  },
  'rate-limit': {
    retryable: true,
    fallbackMayHelp: true,
    hint: () => 'The provider is rate-limiting requests; Switchboard retries after the time it asks for.',
  },
  'quota-exceeded': {
    retryable: false,
    fallbackMayHelp: true,
    action: 'open-settings',
    hint: (p) => `The account${of(p)} has run out of quota or credit; top it up or pick another model.`,
  },
  'context-window-exceeded': {
    retryable: false,
    fallbackMayHelp: true,
    action: 'select-model',
    hint: () =>
      'The prompt is too long for this model; shorten it or use a model with a larger context window.',
  },
  'content-filtered': {
    retryable: false,
    fallbackMayHelp: true,
    hint: () => "The provider's content filter blocked this request or answer.",
  },
  'invalid-request': {
    retryable: false,
    fallbackMayHelp: false,
    hint: () => 'The provider rejected the request as invalid; check the options sent with it.',
  },
  'not-found': {
    retryable: false,
    fallbackMayHelp: true,
    action: 'select-model',
    hint: () => 'Unknown model; pick one with "Switchboard: Select Model".',
  },
  timeout: { retryable: true, fallbackMayHelp: true, hint: () => 'The provider did not answer in time.' },
  connection: {
    retryable: true,
    fallbackMayHelp: true,
    action: 'open-settings',
    hint: (p) => `Could not reach the server${of(p)}; check the network and the base URL.`,
  },
  'service-unavailable': {
    retryable: true,
    fallbackMayHelp: true,
    hint: (p) => `The service${of(p)} is overloaded or down; try again shortly.`,
  },
  'invalid-response': {
    retryable: true,
    fallbackMayHelp: true,
    hint: () => 'The provider sent a malformed response.',
  },
  cancelled: { retryable: false, fallbackMayHelp: false, hint: () => 'The request was cancelled.' },
  'budget-exceeded': {
    retryable: false,
    fallbackMayHelp: false,
    action: 'open-settings',
    hint: () => 'The spending budget is reached; raise it in the settings or wait for the next period.',
  },
  plugin: {
    retryable: false,
    fallbackMayHelp: true,
    action: 'show-log',
    hint: () => 'A provider plugin failed to load; see the Switchboard log.',
  },
  unknown: {
    retryable: false,
    fallbackMayHelp: true,
    action: 'show-log',
    hint: () => 'See the Switchboard log.',
  },
};

export const ERROR_BRAND: unique symbol = Symbol.for('switchboard.error') as never;

export interface ErrorDetails {
  provider?: string;
  /** Full model id or the model part; whatever the raiser knows. */
  model?: string;
  status?: number;
  /** Milliseconds the provider asked us to wait (Retry-After). */
  retryAfterMs?: number;
  /** Vendor error code or type (`insufficient_quota`, `overloaded_error`). */
  code?: string;
  /** Overrides the kind's default hint. */
  hint?: string;
  retryable?: boolean;
  fallbackMayHelp?: boolean;
  cause?: unknown;
}

export class SwitchboardError extends Error {
  readonly [ERROR_BRAND] = true;
  readonly kind: ErrorKind;
  readonly retryable: boolean;
  readonly fallbackMayHelp: boolean;
  readonly provider?: string;
  readonly model?: string;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly code?: string;
  /** What the user should do, in one sentence. */
  readonly hint: string;
  readonly action?: ErrorAction;

  constructor(kind: ErrorKind, message: string, details: ErrorDetails = {}) {
    super(redact(message), details.cause === undefined ? undefined : { cause: details.cause });
    const traits = ERROR_KINDS[kind];
    this.name = 'SwitchboardError';
    this.kind = kind;
    this.retryable = details.retryable ?? traits.retryable;
    this.fallbackMayHelp = details.fallbackMayHelp ?? traits.fallbackMayHelp;
    this.hint = redact(details.hint ?? traits.hint(details.provider));
    if (traits.action) this.action = traits.action;
    if (details.provider !== undefined) this.provider = details.provider;
    if (details.model !== undefined) this.model = details.model;
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
    if (details.code !== undefined) this.code = details.code;
  }

  /** The message and what to do, for showing to a person. Never contains a key or a stack trace. */
  get userMessage(): string {
    return `${this.message} ${this.hint}`;
  }

  toJSON() {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      hint: this.hint,
      provider: this.provider,
      model: this.model,
      status: this.status,
      code: this.code,
      retryAfterMs: this.retryAfterMs,
      retryable: this.retryable,
      fallbackMayHelp: this.fallbackMayHelp,
    };
  }
}

/** The shape every Switchboard error has, whichever copy of core created it. */
export type SwitchboardErrorLike = Pick<
  SwitchboardError,
  | 'kind'
  | 'message'
  | 'hint'
  | 'retryable'
  | 'fallbackMayHelp'
  | 'provider'
  | 'model'
  | 'status'
  | 'retryAfterMs'
  | 'code'
  | 'action'
  | 'userMessage'
> &
  Error;

export function isSwitchboardError(value: unknown): value is SwitchboardErrorLike {
  return (
    typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[ERROR_BRAND] === true
  );
}

export function isSwitchboardErrorOfKind(value: unknown, kind: ErrorKind): value is SwitchboardErrorLike {
  return isSwitchboardError(value) && value.kind === kind;
}
