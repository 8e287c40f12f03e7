// The status bar item: the current model and today's spend; a click opens Select Model. At
// activation it shows only what costs nothing (the picked model's name); provider, price and
// spend follow once the engine is loaded: by whatever feature uses it first, or by this item
// itself after a few idle seconds.
import * as vscode from 'vscode';
import type { Engine } from '../../engine/index.js';
import type { Services } from '../../host/services.js';
import { aliasTargets, isModelId } from './alias-targets.js';
import { type StatusInput, statusView } from './status-text.js';

const IDLE_LOAD_MS = 3000;
const SPEND_REFRESH_DEBOUNCE_MS = 500;

export function createModelStatusBar(services: Services): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('switchboard.model', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Switchboard Model';
  const disposables: vscode.Disposable[] = [item];
  let generation = 0;
  let debounce: ReturnType<typeof setTimeout> | undefined;

  const render = (input: StatusInput) => {
    const view = statusView(input);
    item.text = view.text;
    item.tooltip = new vscode.MarkdownString(view.tooltip, true);
    item.command =
      view.action === 'set-up'
        ? {
            title: 'Set up a model',
            command: 'workbench.action.openWalkthrough',
            arguments: [`${services.context.extension.id}#switchboard.gettingStarted`, false],
          }
        : { title: 'Select Model', command: 'switchboard.selectModel' };
  };

  /** Without the engine: the picked model (or the default from settings), nothing that needs loading. */
  const cheapInput = (): StatusInput => {
    const settings = services.settings();
    const modelId = services.pickedModel();
    return {
      modelId,
      budget: settings.budget,
      ...(modelId && !isModelId(modelId) ? { aliasTargets: aliasTargets(modelId, settings.aliases) } : {}),
    };
  };

  const refresh = async () => {
    const mine = ++generation;
    const engine = services.loadedEngine();
    if (!engine) {
      render(cheapInput());
      return;
    }
    try {
      const input = await fullInput(services, engine);
      if (mine === generation) render(input);
    } catch (error) {
      services.log.warn(`Status bar: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const refreshSoon = () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => void refresh(), SPEND_REFRESH_DEBOUNCE_MS);
  };

  const attach = (engine: Engine) => {
    // Each answer is priced and recorded; then today's spend is read again.
    const detach = engine.onHooks((hooks) => hooks.on('usage', refreshSoon));
    disposables.push({ dispose: detach });
    void refresh();
  };

  const loaded = services.loadedEngine();
  if (loaded) attach(loaded);
  else {
    disposables.push(services.onDidLoadEngine(attach));
    const idle = setTimeout(() => {
      services.engine().catch((error: unknown) => {
        services.log.warn(`Status bar: ${error instanceof Error ? error.message : String(error)}`);
      });
    }, IDLE_LOAD_MS);
    disposables.push({ dispose: () => clearTimeout(idle) });
  }
  disposables.push(
    services.onDidChangeCurrentModel(() => void refresh()),
    services.onDidChangeModels(() => void refresh()),
    { dispose: () => clearTimeout(debounce) },
  );

  render(cheapInput());
  item.show();
  return vscode.Disposable.from(...disposables);
}

async function fullInput(services: Services, engine: Engine): Promise<StatusInput> {
  const [models, spend, modelId] = await Promise.all([
    engine.chatModels(),
    engine.spend(),
    services.currentModel(),
  ]);
  const settings = services.settings();
  const entry = models.find((model) => model.id === modelId);
  return {
    modelId,
    spend,
    budget: settings.budget,
    anyModelSetUp: models.length > 0,
    ...(entry ? { entry } : {}),
    ...(modelId && !isModelId(modelId) ? { aliasTargets: aliasTargets(modelId, settings.aliases) } : {}),
  };
}
