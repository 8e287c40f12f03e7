// /describe: attached or referenced images, described by a model that can see.
import type { Engine } from '../../engine/index.js';
import { CHAT_SYSTEM_PROMPT, DEFAULT_DESCRIBE_PROMPT, userMessage } from '../../prompts/plain-prompt.js';
import { chatModel } from './chat-model.js';
import { readAttachments } from './references.js';
import { streamAnswer } from './respond.js';
import type { ChatTurn, CommandResult } from './turn.js';

export async function describe(turn: ChatTurn): Promise<CommandResult> {
  const { stream, request, services } = turn;
  const attachments = await readAttachments(request.references);
  for (const skipped of attachments.skipped) stream.progress(`Left out ${skipped}.`);
  if (attachments.images.length === 0) {
    stream.markdown(
      'Attach an image first: paste or drop it into the chat input, or reference a file with `#file:diagram.png`. Or right-click an image in the Explorer and run **Describe Image**.',
    );
    return {};
  }
  const engine = await services.engine();
  const model = await visionModelFor(turn, engine, await chatModel(turn));
  if (!model) return {};
  for (const used of attachments.used) stream.reference(used);
  const messages = [
    { role: 'system' as const, content: CHAT_SYSTEM_PROMPT },
    userMessage(request.prompt.trim() || DEFAULT_DESCRIBE_PROMPT, [], attachments.images),
  ];
  const answer = await streamAnswer(turn, engine, { model, messages });
  return answer ? { model: answer.response.model } : {};
}

/**
 * The model for a request with images: `switchboard.vision.model`, else the given model when it
 * sees images, else the first set-up model that does. Explains in the chat when there is none.
 */
export async function visionModelFor(
  turn: ChatTurn,
  engine: Engine,
  current: string | undefined,
): Promise<string | undefined> {
  const preferred = turn.services.settings().visionModel || current;
  const model = await engine.modelWith('vision', preferred);
  if (model) return model;
  turn.stream.markdown(
    'No model that can see images is set up. Set up a provider with a vision model (OpenAI GPT-4o, Anthropic Claude, Gemini, or a local vision model), or name one in `switchboard.vision.model`.',
  );
  turn.stream.button({ title: 'Set API Key', command: 'switchboard.setApiKey' });
  turn.stream.button({ title: 'Open Settings', command: 'switchboard.openSettings' });
  return undefined;
}
