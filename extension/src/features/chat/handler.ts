// Routes a chat request to its command and turns failures into a message with a button.
import type * as vscode from 'vscode';
import type { Services } from '../../host/services.js';
import { actionButton, describeError } from '../../host/show-error.js';
import { isCodeTask } from '../../prompts/code-tasks.js';
import { escapeMarkdown } from '../../prompts/footer.js';
import { ask } from './ask-command.js';
import { codeTask } from './code-command.js';
import { describe } from './describe-command.js';
import { generateImage } from './image-command.js';
import { listModels, showCost } from './report-commands.js';
import type { ChatTurn, CommandResult } from './turn.js';

export function chatHandler(services: Services): vscode.ChatRequestHandler {
  return async (request, context, stream, token): Promise<vscode.ChatResult> => {
    const turn: ChatTurn = { services, request, context, stream, token };
    const command = request.command;
    try {
      const metadata = await run(turn);
      return { metadata: { ...(command ? { command } : {}), ...metadata } };
    } catch (error) {
      const described = describeError(error);
      if (described.cancelled || token.isCancellationRequested) return { metadata: { command } };
      services.log.error(`Chat: ${described.message}`);
      stream.markdown(`\n\n> **${escapeMarkdown(described.message)}**`);
      const button = actionButton(described.action, described.provider);
      if (button) stream.button(button);
      return { metadata: { ...(command ? { command } : {}), error: true } };
    }
  };
}

function run(turn: ChatTurn): Promise<CommandResult> {
  const command = turn.request.command;
  if (isCodeTask(command)) return codeTask(turn, command);
  switch (command) {
    case 'image':
      return generateImage(turn);
    case 'describe':
      return describe(turn);
    case 'models':
      return listModels(turn);
    case 'cost':
      return showCost(turn);
    default:
      return ask(turn);
  }
}
