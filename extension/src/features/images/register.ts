// Image commands: "Describe Image" (a vision model) and "Generate Image" (saved into the workspace).
import * as vscode from 'vscode';
import type { Services } from '../../host/services.js';
import { StreamingDocuments } from '../../host/streaming-documents.js';
import { describeImage } from './describe-image.js';
import { generateImage } from './generate-image.js';

export function registerImages(services: Services): void {
  const documents = new StreamingDocuments('switchboard-description');
  const guarded = (run: () => Promise<void>) => async () => {
    try {
      await run();
    } catch (error) {
      await services.showError(error);
    }
  };
  services.context.subscriptions.push(
    documents,
    vscode.commands.registerCommand('switchboard.describeImage', (uri?: unknown) =>
      guarded(() => describeImage(services, documents, uri))(),
    ),
    vscode.commands.registerCommand(
      'switchboard.generateImage',
      guarded(() => generateImage(services)),
    ),
  );
}
