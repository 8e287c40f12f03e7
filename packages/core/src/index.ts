export * from './errors/index.js';
export * from './hooks/hooks.js';
export * from './plugin/types.js';
export * from './registry/model-id.js';
export * from './types/index.js';
