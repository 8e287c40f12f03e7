export type { ConformanceSupport, ConformanceTarget } from './types.js';
