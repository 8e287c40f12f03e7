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
