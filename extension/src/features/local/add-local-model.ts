// "Add Local Model": a GGUF file from disk (linked into the models folder) or a download from
// Hugging Face, then an offer to use it right away.
import { rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, relative } from 'node:path';
import * as vscode from 'vscode';
import type { Services } from '../../host/services.js';
import { downloadLocalModel } from './download-model.js';
import { isGgufFile, LocalModelProblem, linkModelFile } from './link-model-file.js';
import { parseModelUri } from './model-uri.js';
import { modelsFolder } from './models-folder.js';

const PICK_FILE = 'pick';
const DOWNLOAD = 'download';

export async function addLocalModel(services: Services): Promise<void> {
  const choice = await vscode.window.showQuickPick(
    [
      {
        label: '$(file) Pick a GGUF file…',
        detail: 'A model file already on this machine; it is linked into the models folder, not copied.',
        id: PICK_FILE,
      },
      {
        label: '$(cloud-download) Download from Hugging Face…',
        detail: 'hf:user/repo:Q4_K_M, hf:user/repo/file.gguf, or a download link.',
        id: DOWNLOAD,
      },
    ],
    { title: 'Switchboard: Add Local Model' },
  );
  if (!choice) return;
  try {
    const modelId = choice.id === PICK_FILE ? await addFile(services) : await download(services);
    if (modelId) await offerToUse(services, modelId);
  } catch (error) {
    if (error instanceof LocalModelProblem)
      void vscode.window.showErrorMessage(`Switchboard: ${error.message}`);
    else await services.showError(error);
  }
}

async function addFile(services: Services): Promise<string | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title: 'Pick a GGUF model file',
    canSelectMany: false,
    filters: { 'GGUF models': ['gguf'] },
    openLabel: 'Add Model',
  });
  const file = picked?.[0];
  if (!file) return undefined;
  const folder = modelsFolder(services.settings(), process.env, homedir());
  const linked = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Adding the model…' },
    () => linkModelFile(file.fsPath, folder),
  );
  services.log.info(`Local model ${linked.modelId}: ${linked.method} of ${file.fsPath} in ${folder}.`);
  // An engine not loaded yet lists the folder when it loads; a loaded one forgets its cached list.
  services.loadedEngine()?.refreshModels();
  return linked.modelId;
}

async function download(services: Services): Promise<string | undefined> {
  const input = await vscode.window.showInputBox({
    title: 'Switchboard: Download a model',
    prompt: 'A Hugging Face model: hf:user/repo:Q4_K_M (a quantization), hf:user/repo/file.gguf, or a link.',
    placeHolder: 'hf:Qwen/Qwen2.5-0.5B-Instruct-GGUF:Q4_K_M',
    ignoreFocusOut: true,
    validateInput: (value) => {
      const check = parseModelUri(value);
      return check.ok ? undefined : check.message;
    },
  });
  if (input === undefined) return undefined;
  const check = parseModelUri(input);
  if (!check.ok) return undefined;
  const engine = await services.engine();
  const settings = services.settings();
  const directory = modelsFolder(settings, process.env, homedir());
  const token = await services.keys.get('llamacpp', 'huggingFaceToken');
  const endpoint = settings.providers.llamacpp?.huggingFaceEndpoint;

  const downloaded = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: `Downloading ${check.uri}`,
      cancellable: true,
    },
    async (progress, cancellation) => {
      const controller = new AbortController();
      const listener = cancellation.onCancellationRequested(() => controller.abort());
      let reported = 0;
      try {
        return await downloadLocalModel(engine, check.uri, {
          directory,
          signal: controller.signal,
          ...(token ? { huggingFaceToken: token } : {}),
          ...(endpoint ? { huggingFaceEndpoint: endpoint } : {}),
          onProgress: (done, total) => {
            if (total <= 0) return;
            const percent = (done / total) * 100;
            progress.report({
              message: `${Math.floor(percent)}% of ${megabytes(total)}`,
              increment: Math.max(0, percent - reported),
            });
            reported = percent;
          },
        });
      } finally {
        listener.dispose();
      }
    },
  );
  if (downloaded.path) await requireDownloadedGguf(downloaded.path, directory);
  services.log.info(`Downloaded ${check.uri} as local model ${downloaded.modelId}.`);
  engine.refreshModels();
  return downloaded.modelId;
}

/** A link to an HTML page downloads fine and is no model: say so and remove it. */
async function requireDownloadedGguf(path: string, directory: string): Promise<void> {
  if (await isGgufFile(path)) return;
  const fromFolder = relative(directory, dirname(path));
  const inside = !fromFolder.startsWith('..') && !isAbsolute(fromFolder);
  if (inside) await rm(path, { force: true });
  throw new LocalModelProblem(
    `The download is not a GGUF model file${inside ? ' and was removed' : ''}: check that the link points to a .gguf file.`,
  );
}

async function offerToUse(services: Services, modelId: string): Promise<void> {
  const id = `llamacpp/${modelId}`;
  const choice = await vscode.window.showInformationMessage(
    `Switchboard: local model ${id} is ready.`,
    'Use It Now',
  );
  if (choice) await services.setCurrentModel(id);
}

function megabytes(bytes: number): string {
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GB` : `${Math.round(bytes / 2 ** 20)} MB`;
}
