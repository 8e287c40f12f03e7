// Provider plumbing commands: what is installed and why something is not usable, reloading
// plugins (also automatic when a package lands in the plugin folder), the log and the settings.
import * as vscode from 'vscode';
import type { Engine } from '../../engine/index.js';
import { type Services, userPluginFolder } from '../../host/services.js';
import { providerItems } from './provider-items.js';

export function registerProviderCommands(services: Services): void {
  const { context, log } = services;
  context.subscriptions.push(
    vscode.commands.registerCommand('switchboard.showLog', () => log.show()),
    vscode.commands.registerCommand('switchboard.openSettings', () =>
      vscode.commands.executeCommand('workbench.action.openSettings', '@ext:switchboard.switchboard-vscode'),
    ),
    vscode.commands.registerCommand('switchboard.reloadPlugins', () => reloadPlugins(services)),
    vscode.commands.registerCommand('switchboard.showProviders', () => showProviders(services)),
    services.onDidLoadEngine((engine) => warnAboutBrokenPlugins(engine)),
  );
  watchPluginFolder(services);
}

async function reloadPlugins(services: Services): Promise<void> {
  try {
    const engine = await services.engine();
    await engine.rediscover();
    const { statuses, problems } = engine.plugins();
    void vscode.window.showInformationMessage(
      `Switchboard: ${statuses.length} provider plugins found` +
        (problems.length > 0 ? `, ${problems.length} with problems (see Show Providers).` : '.'),
    );
  } catch (error) {
    await services.showError(error);
  }
}

async function showProviders(services: Services): Promise<void> {
  try {
    const engine = await services.engine();
    const items = providerItems(await engine.providers(), engine.plugins());
    const picked = await vscode.window.showQuickPick(
      items.map((item) =>
        item.separator
          ? { label: item.label, kind: vscode.QuickPickItemKind.Separator }
          : {
              label: item.label,
              description: item.description,
              detail: item.detail,
              providerId: item.providerId,
            },
      ),
      { title: 'Switchboard providers', matchOnDescription: true, matchOnDetail: true },
    );
    const providerId = (picked as { providerId?: string } | undefined)?.providerId;
    if (!providerId) return;
    const state = (await engine.providers()).find((provider) => provider.id === providerId);
    if (state?.id === 'llamacpp') await vscode.commands.executeCommand('switchboard.addLocalModel');
    else if (state && !state.local) await vscode.commands.executeCommand('switchboard.setApiKey', providerId);
  } catch (error) {
    await services.showError(error);
  }
}

function warnAboutBrokenPlugins(engine: Engine): void {
  const { statuses, problems } = engine.plugins();
  const broken = [
    ...problems.filter((problem) => problem.kind !== 'missing-root').map((problem) => problem.reason),
    ...statuses
      .filter((status) => status.status === 'failed' || status.status === 'incompatible')
      .map((status) => `${status.name}: ${status.reason ?? status.status}`),
  ];
  if (broken.length === 0) return;
  void vscode.window
    .showWarningMessage(
      `Switchboard: ${broken.length === 1 ? 'a provider plugin' : `${broken.length} provider plugins`} could not be loaded: ${broken[0]}`,
      'Show Providers',
    )
    .then((choice) => choice && vscode.commands.executeCommand('switchboard.showProviders'));
}

/** A package dropped into (or removed from) the plugin folder shows up without a restart. */
function watchPluginFolder(services: Services): void {
  let watchers: vscode.FileSystemWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  const rescan = () => {
    clearTimeout(timer);
    // Copying a package writes many files; rescan once it has settled.
    timer = setTimeout(() => {
      const engine = services.loadedEngine();
      if (engine) void engine.rediscover().catch((error: unknown) => services.showError(error));
    }, 500);
  };
  const watch = () => {
    for (const watcher of watchers) watcher.dispose();
    const folder = vscode.Uri.file(userPluginFolder(services.settings()));
    // A package moved in whole (`mv`, a rename) reports only its folder; one copied or installed
    // file by file reports its package.json. Either way the folder is rescanned.
    watchers = ['*', '**/package.json'].map((glob) =>
      vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, glob)),
    );
    for (const watcher of watchers) {
      watcher.onDidCreate(rescan);
      watcher.onDidChange(rescan);
      watcher.onDidDelete(rescan);
    }
  };
  watch();
  services.context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('switchboard.pluginFolder')) watch();
    }),
    { dispose: () => vscode.Disposable.from(...watchers).dispose() },
  );
}
