// Every error a user can cause ends here: one message saying what to do, with a button where one
// helps. Never a stack trace; core's errors carry a user message with secrets already redacted.
import { type ErrorAction, isSwitchboardError } from '@switchboard/core';
import * as vscode from 'vscode';

type Action = ErrorAction;

interface UserFacing {
  message: string;
  action?: Action;
  provider?: string;
  cancelled: boolean;
}

const BUTTONS: Record<Action, string> = {
  'set-api-key': 'Set API Key',
  'open-settings': 'Open Settings',
  'select-model': 'Select Model',
  'show-log': 'Show Log',
};

/** Reads core's error shape (branded, so a plugin's own copy of core counts too). */
export function describeError(error: unknown): UserFacing {
  if (isSwitchboardError(error)) {
    return {
      message: error.userMessage,
      ...(error.action ? { action: error.action } : {}),
      ...(error.provider ? { provider: error.provider } : {}),
      cancelled: error.kind === 'cancelled',
    };
  }
  if (error instanceof vscode.CancellationError) return { message: 'Cancelled.', cancelled: true };
  const message = error instanceof Error ? error.message : String(error);
  return { message: `${message} See the Switchboard log for details.`, action: 'show-log', cancelled: false };
}

/** Shows the error (nothing for a cancellation) and runs the button the user presses. */
export async function showError(error: unknown, log?: vscode.LogOutputChannel): Promise<void> {
  const described = describeError(error);
  if (described.cancelled) return;
  log?.error(described.message);
  const buttons = described.action ? [BUTTONS[described.action]] : [];
  const picked = await vscode.window.showErrorMessage(`Switchboard: ${described.message}`, ...buttons);
  if (picked && described.action) await runAction(described.action, described.provider);
}

export async function runAction(action: Action, provider?: string): Promise<void> {
  switch (action) {
    case 'set-api-key':
      await vscode.commands.executeCommand('switchboard.setApiKey', provider);
      break;
    case 'open-settings':
      await vscode.commands.executeCommand('workbench.action.openSettings', 'switchboard');
      break;
    case 'select-model':
      await vscode.commands.executeCommand('switchboard.selectModel');
      break;
    case 'show-log':
      await vscode.commands.executeCommand('switchboard.showLog');
      break;
  }
}

/** Label and command of an error's button, for places that render their own (the chat panel). */
export function actionButton(
  action: Action | undefined,
  provider?: string,
): { title: string; command: string; arguments?: unknown[] } | undefined {
  if (!action) return undefined;
  const command = {
    'set-api-key': 'switchboard.setApiKey',
    'open-settings': 'switchboard.openSettings',
    'select-model': 'switchboard.selectModel',
    'show-log': 'switchboard.showLog',
  }[action];
  return {
    title: BUTTONS[action],
    command,
    ...(provider && action === 'set-api-key' ? { arguments: [provider] } : {}),
  };
}
