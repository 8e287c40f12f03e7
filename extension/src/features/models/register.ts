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
}
