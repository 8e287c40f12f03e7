import type { Services } from '../../host/services.js';

export function registerImages(_services: Services): void {}
