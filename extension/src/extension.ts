// Activation: create the services and register every feature. Nothing here loads core's engine
// or a provider SDK; that happens on first use (see host/engine-loader.ts).
import * as vscode from 'vscode';
import { registerCodeActions } from './features/actions/register.js';
import { registerChat } from './features/chat/register.js';
import { registerImages } from './features/images/register.js';
import { registerKeys } from './features/keys/register.js';
import { registerLocalModels } from './features/local/register.js';
import { registerModels } from './features/models/register.js';
import { registerProviderCommands } from './features/providers/register.js';
import { registerUsage } from './features/usage/register.js';
import { createServices } from './host/services.js';

export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Switchboard', { log: true });
  context.subscriptions.push(log);
  const services = createServices(context, log);
  for (const register of [
    registerModels,
    registerChat,
    registerCodeActions,
    registerImages,
    registerKeys,
    registerLocalModels,
    registerUsage,
    registerProviderCommands,
  ]) {
    register(services);
  }
  log.info(`Switchboard activated in ${(performance.now() - started).toFixed(1)} ms`);
}

export function deactivate(): void {}
