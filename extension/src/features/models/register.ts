// Models: Switchboard's models in VS Code's model picker, the Select Model command and the
// status bar item. Registering is cheap; the engine loads on first use.
import * as vscode from 'vscode';
import type { Services } from '../../host/services.js';
import { SwitchboardChatProvider } from './chat-provider.js';
import { selectModel } from './select-model.js';
import { createModelStatusBar } from './status-bar.js';

/** The vendor of `languageModelChatProviders` in package.json. */
const VENDOR = 'switchboard';

export function registerModels(services: Services): void {
  const provider = new SwitchboardChatProvider(services);
  services.context.subscriptions.push(
    provider,
    vscode.lm.registerLanguageModelChatProvider(VENDOR, provider),
    vscode.commands.registerCommand('switchboard.selectModel', () => selectModel(services)),
    createModelStatusBar(services),
  );
  // Without Copilot, VS Code (1.139) resolves a vendor's models only once something asks for them
  // (the model picker opening does). Until then a chat request carries no model, and VS Code
  // answers "Language model unavailable" before any participant runs. Asking once makes them known.
  vscode.lm.selectChatModels({ vendor: VENDOR }).then(undefined, (error: unknown) => {
    services.log.warn(`VS Code could not list Switchboard's models: ${String(error)}`);
  });
}
