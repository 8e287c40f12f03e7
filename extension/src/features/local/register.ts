import type { Services } from '../../host/services.js';

export function registerLocalModels(_services: Services): void {}
