export * from './cache-store.js';
export * from './cacheable.js';
export * from './disk-store.js';
export * from './key.js';
export * from './response-cache.js';
