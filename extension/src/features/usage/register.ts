// Usage: the "Show Usage" panel, and budget warnings from core's hooks once the engine is loaded.
import * as vscode from 'vscode';
import type { Engine } from '../../engine/index.js';
import type { Services } from '../../host/services.js';
import { budgetWarningKey, budgetWarningText } from './budget-warning.js';
import { UsagePanel } from './usage-panel.js';

export function registerUsage(services: Services): void {
  const warned = new Set<string>();
  const watch = (engine: Engine) => {
    engine.onHooks((hooks) => {
      const offWarning = hooks.on('budget-warning', (event) => {
        const key = budgetWarningKey(event, new Date());
        if (warned.has(key)) return;
        warned.add(key);
        void showBudgetWarning(budgetWarningText(event, services.settings().budget.mode));
      });
      const offUsage = hooks.on('usage', () => UsagePanel.usageRecorded());
      return () => {
        offWarning();
        offUsage();
      };
    });
  };
  const loaded = services.loadedEngine();
  if (loaded) watch(loaded);
  services.context.subscriptions.push(
    services.onDidLoadEngine(watch),
    vscode.commands.registerCommand('switchboard.showUsage', () => UsagePanel.show(services)),
  );
}

async function showBudgetWarning(text: string): Promise<void> {
  const choice = await vscode.window.showWarningMessage(text, 'Show Usage', 'Open Settings');
  if (choice === 'Show Usage') await vscode.commands.executeCommand('switchboard.showUsage');
  else if (choice === 'Open Settings') {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'switchboard.budget');
  }
}
