export * from './adapters.js';
export * from './describe-error.js';
export * from './generate-from-stream.js';
export * from './manifest.js';
export * from './types.js';
