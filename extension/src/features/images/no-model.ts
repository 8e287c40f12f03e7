// When no set-up model can do the job: say what is missing and offer the two ways to fix it.
import * as vscode from 'vscode';

export async function explainNoModel(message: string): Promise<void> {
  const choice = await vscode.window.showWarningMessage(
    `Switchboard: ${message}`,
    'Set API Key',
    'Select Model',
  );
  if (choice === 'Set API Key') await vscode.commands.executeCommand('switchboard.setApiKey');
  else if (choice === 'Select Model') await vscode.commands.executeCommand('switchboard.selectModel');
}

/** An AbortSignal that follows a VS Code cancellation token, for core's calls. */
export function abortOn(token: vscode.CancellationToken): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  const listener = token.onCancellationRequested(() => controller.abort());
  return { signal: controller.signal, dispose: () => listener.dispose() };
}
