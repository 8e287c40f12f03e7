import type { Services } from '../../host/services.js';

export function registerChat(_services: Services): void {}
