import type { Services } from '../../host/services.js';

export function registerProviderCommands(_services: Services): void {}
