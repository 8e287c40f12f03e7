export * from './abort.js';
export * from './classify.js';
export * from './errors.js';
export * from './redact.js';
