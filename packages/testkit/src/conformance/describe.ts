import { describe } from 'vitest';
import { ConformanceContext, type LocalContext, type ScriptedContext } from './context.js';
import { describeErrors } from './errors.js';
import { describeFaults } from './faults.js';
import { describeJson } from './json.js';
import { describeModels, describePlugin } from './models.js';
import { describeStreaming } from './streaming.js';
import { describeText } from './text.js';
import { describeTools } from './tools.js';
import type { ConformanceTarget } from './types.js';
import { describeUnscripted } from './unscripted.js';
import { describeUsage } from './usage.js';
import { describeVision } from './vision.js';

/**
 * Registers the provider conformance suite as vitest tests; call it at the top level of a test
 * file. The plugin is loaded the way a host loads it (a ProviderRegistry, settings from the
 * target). With `startServer` every area is checked exactly against the scripted fake server;
 * without it (an in-process model) the invariants are. What the target marks unsupported shows
 * up as a skipped test named "... — not supported by <vendor>".
 */
export function describeProviderConformance(target: ConformanceTarget): void {
  describe(`${target.name} conformance (${target.providerId}/${target.chatModel})`, () => {
    if (target.startServer) {
      const ctx: ScriptedContext = new ConformanceContext(target);
      ctx.install();
      describePlugin(ctx);
      describeText(ctx);
      describeStreaming(ctx);
      describeTools(ctx);
      describeVision(ctx);
      describeJson(ctx);
      describeUsage(ctx);
      describeErrors(ctx);
      describeFaults(ctx);
      describeModels(ctx);
    } else {
      const ctx: LocalContext = new ConformanceContext(target);
      ctx.install();
      describePlugin(ctx);
      describeUnscripted(ctx);
    }
  });
}
