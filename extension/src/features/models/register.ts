import type { Services } from '../../host/services.js';

export function registerModels(_services: Services): void {}
