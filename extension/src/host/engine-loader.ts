// Loads dist/engine.cjs (core, price data, plugin discovery) on first use, not at activation.
import type * as EngineModule from '../engine/index.js';

export type { EngineModule };

let loaded: typeof EngineModule | undefined;

export function loadEngineModule(): typeof EngineModule {
  // A separate bundle next to dist/extension.cjs (esbuild keeps this require as it is).
  loaded ??= require('./engine.cjs') as typeof EngineModule;
  return loaded;
}
