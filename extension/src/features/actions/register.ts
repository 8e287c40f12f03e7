import type { Services } from '../../host/services.js';

export function registerCodeActions(_services: Services): void {}
