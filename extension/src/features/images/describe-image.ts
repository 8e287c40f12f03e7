// "Describe Image": a vision model describes an image file; the answer streams into a Markdown
// document beside the editor and ends with the model and what it cost.
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { Services } from '../../host/services.js';
import type { StreamingDocuments } from '../../host/streaming-documents.js';
import { documentFooter } from '../../prompts/footer.js';
import { abortOn } from '../../shared/cancellation.js';
import { DESCRIBE_PROMPT, descriptionHeader } from './describe-text.js';
import { formatBytes, MAX_IMAGE_BYTES, mimeTypeOf } from './image-files.js';
import { explainNoModel } from './no-model.js';

export async function describeImage(
  services: Services,
  documents: StreamingDocuments,
  arg?: unknown,
): Promise<void> {
  const uri = arg instanceof vscode.Uri ? arg : await pickImage();
  if (!uri) return;
  const name = basename(uri.path);
  const mimeType = mimeTypeOf(name);
  if (!mimeType) {
    void vscode.window.showErrorMessage(`Switchboard: ${name} is not a PNG, JPEG, WebP or GIF image.`);
    return;
  }
  const { size } = await vscode.workspace.fs.stat(uri);
  if (size > MAX_IMAGE_BYTES) {
    void vscode.window.showErrorMessage(
      `Switchboard: ${name} is ${formatBytes(size)}; models take images up to ${formatBytes(MAX_IMAGE_BYTES)}. Scale it down first.`,
    );
    return;
  }

  const engine = await services.engine();
  const preferred = services.settings().visionModel || (await services.currentModel());
  const model = await engine.modelWith('vision', preferred);
  if (!model) {
    await explainNoModel(
      'no model that can see images is set up. Add a key for a provider with vision models (OpenAI, Anthropic, Gemini) or pick one.',
    );
    return;
  }
  const data = await vscode.workspace.fs.readFile(uri);
  const document = await documents.open(name, descriptionHeader(name));

  await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: `Describing ${name} with ${model}…`,
      cancellable: true,
    },
    async (_progress, token) => {
      const abort = abortOn(token);
      try {
        const stream = engine.switchboard.stream(
          {
            model,
            messages: [
              {
                role: 'user',
                content: [
                  { type: 'text', text: DESCRIBE_PROMPT },
                  { type: 'image', image: { kind: 'bytes', data, mimeType } },
                ],
              },
            ],
          },
          { signal: abort.signal },
        );
        for await (const event of stream) {
          if (event.type === 'text-delta') documents.append(document, event.text);
          else if (event.type === 'interrupted') {
            documents.append(document, `\n\n> The answer broke off: ${event.error.message}`);
          } else if (event.type === 'response') documents.append(document, documentFooter(event.response));
        }
      } catch (error) {
        documents.append(
          document,
          abort.signal.aborted ? '\n\n*Cancelled.*\n' : '\n\n*Failed; see the message.*\n',
        );
        if (!abort.signal.aborted) throw error;
      } finally {
        abort.dispose();
        documents.flush(document);
      }
    },
  );
}

async function pickImage(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title: 'Pick an image to describe',
    canSelectMany: false,
    filters: { Images: ['png', 'jpg', 'jpeg', 'webp', 'gif'] },
    openLabel: 'Describe',
  });
  return picked?.[0];
}
