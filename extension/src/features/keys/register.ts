import type { Services } from '../../host/services.js';

export function registerKeys(_services: Services): void {}
