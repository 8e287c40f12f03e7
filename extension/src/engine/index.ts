// Entry of dist/engine.cjs: everything heavy the extension needs, loaded on first use.

export * as core from '@switchboard/core';
export type { EngineHost, LogLevel, ModelEntry, ProviderState, Readiness, SpendSummary } from './engine.js';
export { Engine, switchboardConfig } from './engine.js';
