// Core takes an AbortSignal; VS Code gives a CancellationToken. This joins the two.
import type * as vscode from 'vscode';

export interface Abort {
  signal: AbortSignal;
  dispose(): void;
}

export function abortOn(token: vscode.CancellationToken): Abort {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  const listener = token.onCancellationRequested(() => controller.abort());
  return { signal: controller.signal, dispose: () => listener.dispose() };
}
