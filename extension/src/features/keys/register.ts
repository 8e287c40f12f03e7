// API keys: "Set API Key", "Remove API Key", and the walkthrough on the first run.
import * as vscode from 'vscode';
import type { Services } from '../../host/services.js';
import { offerWalkthroughOnFirstRun } from './first-run.js';
import { removeApiKey, setApiKey } from './key-commands.js';

export function registerKeys(services: Services): void {
  const run =
    (command: (services: Services, providerId?: string) => Promise<void>) => async (arg?: unknown) => {
      try {
        await command(services, typeof arg === 'string' ? arg : undefined);
      } catch (error) {
        await services.showError(error);
      }
    };
  services.context.subscriptions.push(
    vscode.commands.registerCommand('switchboard.setApiKey', run(setApiKey)),
    vscode.commands.registerCommand('switchboard.removeApiKey', run(removeApiKey)),
  );
  offerWalkthroughOnFirstRun(services);
}
