// Streams a model's answer into the chat: text as it arrives, progress while waiting, an explicit
// note when the stream broke, and the footer (model, fallback, cost, tokens, warnings).
import type { ChatResponse, ModelRequest } from '@switchboard/core';
import type { Engine } from '../../engine/index.js';
import { describeError } from '../../host/show-error.js';
import { unclosedFence } from '../../prompts/extract-code.js';
import { escapeMarkdown, footerMarkdown } from '../../prompts/footer.js';
import { abortOn } from '../../shared/cancellation.js';
import type { ChatTurn } from './turn.js';

export interface StreamedAnswer {
  response: ChatResponse;
  interrupted: boolean;
}

export async function streamAnswer(
  turn: ChatTurn,
  engine: Engine,
  request: ModelRequest & { model: string },
): Promise<StreamedAnswer | undefined> {
  const { stream, token } = turn;
  const abort = abortOn(token);
  let response: ChatResponse | undefined;
  let interrupted = false;
  let thinking = false;
  let written = '';
  const continuations: string[] = [];
  const write = (markdown: string) => {
    written += markdown;
    stream.markdown(markdown);
  };
  // Notes after a cut-off answer must not land inside its open code block.
  const closeOpenFence = () => {
    const fence = unclosedFence(written);
    if (fence) write(`\n${fence}`);
  };
  stream.progress(`Asking ${request.model}…`);
  turn.services.log.info(
    `Chat: ${request.messages.length} messages (${promptChars(request)} characters) to ${request.model}`,
  );
  try {
    for await (const event of engine.switchboard.stream(request, { signal: abort.signal })) {
      switch (event.type) {
        case 'start':
          if (event.fallbackFrom)
            stream.progress(`${event.fallbackFrom} failed; ${event.model} answers instead…`);
          break;
        case 'reasoning-delta':
          if (!thinking) stream.progress(`${request.model} is thinking…`);
          thinking = true;
          break;
        case 'text-delta':
          write(event.text);
          break;
        case 'continued':
          // Said after the answer: a note now could land in the middle of a sentence or code.
          continuations.push(
            `${event.from} stopped (${describeError(event.error).message}); ${event.to} continued the answer.`,
          );
          break;
        case 'interrupted':
          interrupted = true;
          closeOpenFence();
          write(
            `\n\n> **The answer was interrupted**: ${escapeMarkdown(describeError(event.error).message)} What is above is all ${escapeMarkdown(event.model)} sent.`,
          );
          break;
        case 'response':
          response = event.response;
          break;
      }
    }
  } finally {
    abort.dispose();
  }
  if (token.isCancellationRequested || !response) return undefined;
  closeOpenFence();
  write(footerMarkdown(response, continuations));
  return { response, interrupted };
}

/** How much text a request carries, for the log (a prompt that does not fit is easier to explain). */
function promptChars(request: ModelRequest): number {
  return request.messages.reduce(
    (sum, message) =>
      sum +
      (typeof message.content === 'string'
        ? message.content.length
        : message.content.reduce((n, part) => n + ('text' in part ? String(part.text).length : 0), 0)),
    0,
  );
}
