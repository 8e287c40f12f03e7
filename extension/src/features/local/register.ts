// Local models for llama.cpp: "Add Local Model" (a GGUF file from disk or a download).
import * as vscode from 'vscode';
import type { Services } from '../../host/services.js';
import { addLocalModel } from './add-local-model.js';

export function registerLocalModels(services: Services): void {
  services.context.subscriptions.push(
    vscode.commands.registerCommand('switchboard.addLocalModel', () => addLocalModel(services)),
  );
}
