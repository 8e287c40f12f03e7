// "Switchboard: Select Model": a QuickPick of aliases and models grouped by provider, with the
// providers still to set up at the end. The entries come from picker-items.ts.
import * as vscode from 'vscode';
import type { Services } from '../../host/services.js';
import { buildPickEntries, type PickEntry } from './picker-items.js';

type PickItem = vscode.QuickPickItem & { entry?: PickEntry };

const REFRESH: vscode.QuickInputButton = {
  iconPath: new vscode.ThemeIcon('refresh'),
  tooltip: 'Refresh models',
};

export async function selectModel(services: Services): Promise<void> {
  const pick = vscode.window.createQuickPick<PickItem>();
  pick.title = 'Switchboard: Select Model';
  pick.placeholder = 'Pick the model Switchboard uses (type to filter by name or id)';
  pick.matchOnDescription = true;
  pick.buttons = [REFRESH];
  const subscriptions: vscode.Disposable[] = [pick];
  let generation = 0;

  const load = async () => {
    const mine = ++generation;
    pick.busy = true;
    try {
      const engine = await services.engine();
      const [models, providers, current] = await Promise.all([
        engine.chatModels(),
        engine.providers(),
        services.currentModel(),
      ]);
      if (mine !== generation) return;
      const items = buildPickEntries({
        models,
        providers,
        aliases: services.settings().aliases,
        current,
      }).map(toItem);
      pick.items = items;
      const active = items.find((item) => item.entry?.kind === 'model' && item.entry.current);
      if (active) pick.activeItems = [active];
    } catch (error) {
      pick.hide();
      await services.showError(error);
    } finally {
      if (mine === generation) pick.busy = false;
    }
  };

  subscriptions.push(
    pick.onDidTriggerButton(async (button) => {
      if (button !== REFRESH) return;
      (await services.engine()).refreshModels();
      await load();
    }),
    // A key set or a model file added while the list is open shows up in it.
    services.onDidChangeModels(() => void load()),
    pick.onDidAccept(async () => {
      const entry = pick.selectedItems[0]?.entry;
      if (!entry || entry.kind === 'separator') return;
      pick.hide();
      if (entry.kind === 'model') await services.setCurrentModel(entry.id);
      else await vscode.commands.executeCommand(entry.command, ...entry.args);
    }),
    pick.onDidHide(() => {
      for (const subscription of subscriptions) subscription.dispose();
    }),
  );
  pick.show();
  await load();
}

function toItem(entry: PickEntry): PickItem {
  if (entry.kind === 'separator') return { label: entry.label, kind: vscode.QuickPickItemKind.Separator };
  return { label: entry.label, description: entry.description, detail: entry.detail, entry };
}
