export * from './messages.js';
export * from './models.js';
export * from './request.js';
export * from './response.js';
export * from './stream.js';
export * from './usage.js';
