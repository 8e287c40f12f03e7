// Placeholder until the extension issue: proves the bundle builds against core and activates.
import { PLUGIN_API_VERSION } from '@switchboard/core';
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('switchboard.showVersion', () =>
      vscode.window.showInformationMessage(`Switchboard (plugin API v${PLUGIN_API_VERSION})`),
    ),
  );
}

export function deactivate(): void {}
