// What every feature gets: settings, keys, the log, the current model, and the engine, which is
// loaded on first use. Features only translate between VS Code and these.
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { type ExtensionSettings, parseSettings } from '../config/settings.js';
import type { Engine, LogLevel } from '../engine/index.js';
import { type EngineModule, loadEngineModule } from './engine-loader.js';
import { KeyStore } from './key-store.js';
import { showError } from './show-error.js';

export const CURRENT_MODEL_KEY = 'switchboard.currentModel';

export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  readonly keys: KeyStore;
  /** Parsed `switchboard.*` settings (VS Code already drops restricted workspace values when untrusted). */
  settings(): ExtensionSettings;
  /** The engine, created on first call (loads core and discovers plugins). */
  engine(): Promise<Engine>;
  /** Core's runtime (errors, helpers) once the engine bundle is loaded. */
  core(): typeof EngineModule.core;
  /** The model the user picked (Select Model), else the default from settings/engine. */
  currentModel(): Promise<string | undefined>;
  setCurrentModel(id: string): Promise<void>;
  /** The picked or configured model without loading the engine (undefined: the engine would choose). */
  pickedModel(): string | undefined;
  readonly onDidChangeCurrentModel: vscode.Event<string | undefined>;
  /** Models may have changed: keys, settings, plugins, model files. */
  readonly onDidChangeModels: vscode.Event<void>;
  /** Fires once, when the engine has been created (subscribe to its hooks here). */
  readonly onDidLoadEngine: vscode.Event<Engine>;
  /** The engine if some feature already loaded it; never triggers loading. */
  loadedEngine(): Engine | undefined;
  /** Shows an error the way every feature should (message + button). */
  showError(error: unknown): Promise<void>;
}

export function createServices(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Services {
  const keys = new KeyStore(context.secrets);
  const currentModelChanged = new vscode.EventEmitter<string | undefined>();
  const modelsChanged = new vscode.EventEmitter<void>();
  const engineLoaded = new vscode.EventEmitter<Engine>();
  let loadedEngine: Engine | undefined;
  let settings = readSettings();
  let engine: Promise<Engine> | undefined;

  const services: Services = {
    context,
    log,
    keys,
    settings: () => settings,
    engine: () => {
      engine ??= createEngine().catch((error: unknown) => {
        engine = undefined; // the next use tries again
        throw error;
      });
      return engine;
    },
    core: () => loadEngineModule().core,
    async currentModel() {
      return services.pickedModel() ?? (await services.engine()).defaultModel();
    },
    pickedModel: () =>
      context.globalState.get<string>(CURRENT_MODEL_KEY) || settings.defaultModel || undefined,
    async setCurrentModel(id) {
      await context.globalState.update(CURRENT_MODEL_KEY, id);
      currentModelChanged.fire(id);
    },
    onDidChangeCurrentModel: currentModelChanged.event,
    onDidChangeModels: modelsChanged.event,
    onDidLoadEngine: engineLoaded.event,
    loadedEngine: () => loadedEngine,
    showError: (error) => showError(error, log),
  };

  async function createEngine(): Promise<Engine> {
    const started = performance.now();
    const { Engine } = loadEngineModule();
    const created = await Engine.create({
      settings: () => settings,
      readSecret: (providerId, key) => keys.get(providerId, key),
      pluginRoots: () => pluginRoots(context, settings),
      storageDir: context.globalStorageUri.fsPath,
      log: (level, message) => write(log, level, message),
      progress: (providerId, report) => progress.report(providerId, report),
    });
    created.onDidChangeModels(() => modelsChanged.fire());
    loadedEngine = created;
    engineLoaded.fire(created);
    log.info(
      `Engine ready in ${Math.round(performance.now() - started)} ms; providers: ${created.providerRegistry.providerIds().join(', ')}`,
    );
    return created;
  }

  const progress = new ProgressNotifications();
  context.subscriptions.push(
    currentModelChanged,
    modelsChanged,
    engineLoaded,
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration('switchboard')) return;
      settings = readSettings();
      if (engine) await (await engine).settingsChanged();
      else modelsChanged.fire();
    }),
    keys.onDidChange(async (providerId) => {
      if (engine) (await engine).keysChanged(providerId);
      else modelsChanged.fire();
    }),
    { dispose: () => void engine?.then((e) => e.dispose()) },
  );
  return services;
}

function readSettings(): ExtensionSettings {
  const config = vscode.workspace.getConfiguration('switchboard');
  return parseSettings((key) => config.get(key));
}

/** Bundled plugins win their provider ids; then the user folder; then `switchboard.pluginPaths`. */
export function pluginRoots(context: vscode.ExtensionContext, settings: ExtensionSettings) {
  return [
    { path: join(context.extensionPath, 'dist', 'plugins'), source: 'bundled' },
    { path: userPluginFolder(settings), source: 'user', optional: true },
    ...settings.pluginPaths.map((path, index) => ({
      path: expandHome(path),
      source: `settings:switchboard.pluginPaths[${index}]`,
    })),
  ];
}

export function userPluginFolder(settings: ExtensionSettings): string {
  return settings.pluginFolder
    ? expandHome(settings.pluginFolder)
    : join(homedir(), '.switchboard', 'plugins');
}

function expandHome(path: string): string {
  return path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path;
}

function write(log: vscode.LogOutputChannel, level: LogLevel, message: string): void {
  log[level](message);
}

/** Providers' long work (a model download) as one progress notification per task. */
class ProgressNotifications {
  private readonly open = new Map<
    string,
    { report: (message: string, fraction?: number) => void; done: () => void }
  >();

  report(
    providerId: string,
    report: { task: string; message: string; fraction?: number; done?: boolean },
  ): void {
    const key = `${providerId}:${report.task}`;
    let entry = this.open.get(key);
    if (!entry && !report.done) {
      let last = 0;
      let finish!: () => void;
      let progress!: vscode.Progress<{ message?: string; increment?: number }>;
      const ready = new Promise<void>((resolve) => {
        void vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: `Switchboard (${providerId})` },
          (p) => {
            progress = p;
            resolve();
            return new Promise<void>((r) => {
              finish = r;
            });
          },
        );
      });
      entry = {
        report: (message, fraction) => {
          void ready.then(() => {
            const increment = fraction === undefined ? undefined : Math.max(0, fraction * 100 - last);
            if (fraction !== undefined) last = fraction * 100;
            progress.report({ message, ...(increment !== undefined ? { increment } : {}) });
          });
        },
        done: () => void ready.then(() => finish()),
      };
      this.open.set(key, entry);
    }
    entry?.report(report.message, report.fraction);
    if (report.done) {
      entry?.done();
      this.open.delete(key);
    }
  }
}
