// "Generate Image": a prompt, the settings' defaults or a choice per option, the image model,
// then the file saved into the workspace (never over another one) and opened.
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { GeneratedImage } from '@switchboard/core';
import * as vscode from 'vscode';
import type { ImageDefaults } from '../../config/settings.js';
import type { Services } from '../../host/services.js';
import { costText } from '../../prompts/footer.js';
import { abortOn } from '../../shared/cancellation.js';
import { imageExtension, imageFolderSegments, nextImageNames, slugOf } from './image-files.js';
import {
  describeChoices,
  type ImageChoices,
  imageRequest,
  OPTION_ORDER,
  OPTION_TITLES,
  type OptionChoice,
  optionChoices,
} from './image-options.js';
import { explainNoModel } from './no-model.js';

export async function generateImage(services: Services): Promise<void> {
  const prompt = (
    await vscode.window.showInputBox({
      title: 'Switchboard: Generate Image',
      prompt: 'Describe the image',
      placeHolder: 'A watercolor lighthouse at dawn, soft light',
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() ? undefined : 'Describe the image you want.'),
    })
  )?.trim();
  if (!prompt) return;
  const defaults = services.settings().images;
  const choices = await chooseOptions(defaults);
  if (!choices) return;

  const engine = await services.engine();
  const model = await engine.modelWith('imageGeneration', defaults.model);
  if (!model) {
    await explainNoModel(
      'no image model is set up. Add an OpenAI key (gpt-image-1) or set switchboard.images.model.',
    );
    return;
  }
  const result = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: `Generating an image with ${model}…`,
      cancellable: true,
    },
    async (_progress, token) => {
      const abort = abortOn(token);
      try {
        return await engine.switchboard.generateImage(model, imageRequest(prompt, choices), {
          signal: abort.signal,
        });
      } finally {
        abort.dispose();
      }
    },
  );
  for (const warning of result.warnings ?? []) services.log.warn(`${model}: ${JSON.stringify(warning)}`);
  if (result.revisedPrompt) services.log.info(`${model} revised the prompt to: ${result.revisedPrompt}`);
  const costUsd = result.costUsd;
  if (result.images.length === 0) throw new Error(`${model} returned no image.`);

  const saved = await saveImages(result.images, slugOf(prompt), choices.format, defaults.folder);
  if (saved.length === 0) return;
  await vscode.commands.executeCommand('vscode.open', saved[0]);
  void vscode.window.showInformationMessage(
    `Switchboard: saved ${saved.map((uri) => vscode.workspace.asRelativePath(uri)).join(', ')} (${model} · ${costText(costUsd)}).`,
  );
}

/** First a quick "use the defaults"; otherwise one step per option, each default preselected. */
async function chooseOptions(defaults: ImageDefaults): Promise<ImageChoices | undefined> {
  const fast = await vscode.window.showQuickPick(
    [
      {
        label: '$(sparkle) Generate with the defaults',
        description: describeChoices(defaults),
        custom: false,
      },
      { label: '$(settings) Choose size, quality, background and format…', custom: true },
    ],
    { title: 'Switchboard: Generate Image' },
  );
  if (!fast) return undefined;
  const chosen: ImageChoices = {
    size: defaults.size,
    quality: defaults.quality,
    background: defaults.background,
    format: defaults.format,
  };
  if (!fast.custom) return chosen;
  for (const [index, name] of OPTION_ORDER.entries()) {
    const value = await pickStep(
      OPTION_TITLES[name],
      optionChoices(name, chosen),
      chosen[name],
      index + 1,
      OPTION_ORDER.length,
    );
    if (value === undefined) return undefined;
    Object.assign(chosen, { [name]: value });
  }
  return chosen;
}

/** One step of the multi-step input, with the current default active so Enter keeps it. */
function pickStep(
  title: string,
  choices: OptionChoice[],
  current: string,
  step: number,
  totalSteps: number,
): Promise<string | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { value: string }>();
    pick.title = `Generate Image: ${title}`;
    pick.step = step;
    pick.totalSteps = totalSteps;
    pick.items = choices.map((choice) => ({
      label: choice.label,
      value: choice.value,
      description: [choice.description, choice.value === current ? '(default)' : undefined]
        .filter(Boolean)
        .join(' '),
    }));
    const active = pick.items.find((item) => item.value === current);
    if (active) pick.activeItems = [active];
    let settled = false;
    pick.onDidAccept(() => {
      settled = true;
      resolve(pick.selectedItems[0]?.value ?? pick.activeItems[0]?.value);
      pick.hide();
    });
    pick.onDidHide(() => {
      if (!settled) resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

/** Into `<workspace folder>/<images folder>/`; without a workspace, wherever the user says. */
export async function saveImages(
  images: GeneratedImage[],
  slug: string,
  format: ImageChoices['format'],
  imagesFolder: string,
): Promise<vscode.Uri[]> {
  const folder = targetWorkspaceFolder();
  const extension = imageExtension(images[0]?.mimeType, format);
  if (!folder) {
    const target = await vscode.window.showSaveDialog({
      title: 'Save the generated image',
      defaultUri: vscode.Uri.file(join(homedir(), `${slug}.${extension}`)),
      filters: { Images: [extension] },
    });
    if (!target) return [];
    await vscode.workspace.fs.writeFile(target, images[0]!.data);
    return [target];
  }
  const directory = vscode.Uri.joinPath(folder.uri, ...imageFolderSegments(imagesFolder));
  await vscode.workspace.fs.createDirectory(directory);
  const existing = await vscode.workspace.fs.readDirectory(directory).then(
    (entries) => entries.map(([name]) => name),
    () => [] as string[],
  );
  const names = nextImageNames(slug, extension, images.length, existing);
  const saved: vscode.Uri[] = [];
  for (const [index, image] of images.entries()) {
    const target = vscode.Uri.joinPath(directory, names[index]!);
    await vscode.workspace.fs.writeFile(target, image.data);
    saved.push(target);
  }
  return saved;
}

function targetWorkspaceFolder(): vscode.WorkspaceFolder | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
}
