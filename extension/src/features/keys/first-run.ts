// The first time Switchboard starts, open its walkthrough when no provider is usable yet. The
// check needs the engine, so it waits a few seconds after activation (activation itself stays
// cheap) and runs once per installation.
import * as vscode from 'vscode';
import type { Services } from '../../host/services.js';
import { shouldOpenWalkthrough } from './key-items.js';

const SHOWN_KEY = 'switchboard.walkthroughOffered';
const DELAY_MS = 5000;
const WALKTHROUGH = 'switchboard.gettingStarted';

export function offerWalkthroughOnFirstRun(services: Services): void {
  const { context } = services;
  if (context.globalState.get<boolean>(SHOWN_KEY)) return;
  const timer = setTimeout(() => void check(services), DELAY_MS);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
}

async function check(services: Services): Promise<void> {
  const { context } = services;
  // Marked first, so a failure below never makes it ask again on every start.
  await context.globalState.update(SHOWN_KEY, true);
  try {
    const engine = await services.engine();
    if (!shouldOpenWalkthrough(await engine.providers())) return;
    await vscode.commands.executeCommand(
      'workbench.action.openWalkthrough',
      `${context.extension.id}#${WALKTHROUGH}`,
      false,
    );
  } catch (error) {
    services.log.warn(`First-run check skipped: ${error instanceof Error ? error.message : String(error)}`);
  }
}
