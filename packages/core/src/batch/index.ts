export * from './as-completed.js';
export * from './run-batch.js';
export * from './types.js';
