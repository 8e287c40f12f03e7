// A plain prompt: the conversation so far, the referenced code and images, streamed back.
import { historyToMessages } from '../../prompts/history.js';
import { CHAT_SYSTEM_PROMPT, userMessage } from '../../prompts/plain-prompt.js';
import { chatModel, explainNoModel } from './chat-model.js';
import { visionModelFor } from './describe-command.js';
import { readAttachments } from './references.js';
import { streamAnswer } from './respond.js';
import { type ChatTurn, type CommandResult, PARTICIPANT_ID } from './turn.js';

/** Turns that are reports or images, not conversation the model should continue. */
const NOT_CONVERSATION = ['models', 'cost', 'image'];

export async function ask(turn: ChatTurn): Promise<CommandResult> {
  const { stream, request, services } = turn;
  const attachments = await readAttachments(request.references);
  const snippets = [...attachments.code, ...attachments.implicitCode].map((source) => source.snippet);
  if (!request.prompt.trim() && attachments.images.length === 0) {
    stream.markdown(
      'Ask anything, or use a command: `/explain`, `/fix`, `/tests`, `/doc`, `/refactor` on the selected code, `/image` to draw, `/describe` for an attached image, `/models`, `/cost`.',
    );
    return {};
  }
  let model = await chatModel(turn);
  if (!model) {
    explainNoModel(turn);
    return {};
  }
  const engine = await services.engine();
  if (attachments.images.length > 0) {
    const vision = await visionModelFor(turn, engine, model);
    if (!vision) return {};
    if (vision !== model) stream.progress(`${model} cannot see images; ${vision} answers.`);
    model = vision;
  }
  for (const skipped of attachments.skipped) stream.progress(`Left out ${skipped}.`);
  for (const used of attachments.used) stream.reference(used);
  const history = historyToMessages(turn.context.history, {
    participant: PARTICIPANT_ID,
    skipCommands: NOT_CONVERSATION,
  });
  const messages = [
    { role: 'system' as const, content: CHAT_SYSTEM_PROMPT },
    ...history,
    userMessage(request.prompt, [...snippets, ...attachments.texts], attachments.images),
  ];
  const answer = await streamAnswer(turn, engine, { model, messages });
  return answer ? { model: answer.response.model } : {};
}
