import type { Services } from '../../host/services.js';

export function registerUsage(_services: Services): void {}
