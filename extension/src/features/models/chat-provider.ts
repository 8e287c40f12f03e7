// Switchboard's models in VS Code's own model picker: every chat feature (agent mode included)
// can use them, and each request goes through the router, fallback and the cost ledger.

import { type ChatResponse, isSwitchboardError, type Message } from '@switchboard/core';
import * as vscode from 'vscode';
import type { Engine } from '../../engine/index.js';
import type { Services } from '../../host/services.js';
import { describeError } from '../../host/show-error.js';
import { abortOn } from '../../shared/cancellation.js';
import { aliasTargets } from './alias-targets.js';
import { toCoreMessages, toRequestOptions } from './convert-messages.js';
import {
  type ChatModelInformation,
  chatInformation,
  SETUP_ANSWER,
  SETUP_MODEL_ID,
} from './model-information.js';
import { type ResponsePart, responsePartOf } from './stream-parts.js';
import { countTokens, type RequestCounter } from './token-count.js';

export class SwitchboardChatProvider implements vscode.LanguageModelChatProvider<ChatModelInformation> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeLanguageModelChatInformation = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private offeringSetup = false;

  constructor(private readonly services: Services) {
    this.disposables.push(services.onDidChangeModels(() => this.changed.fire()));
  }

  async provideLanguageModelChatInformation(
    options: vscode.PrepareLanguageModelChatModelOptions,
  ): Promise<ChatModelInformation[]> {
    try {
      const models = await (await this.services.engine()).chatModels();
      if (models.length === 0 && !options.silent) void this.offerSetup();
      return chatInformation(models, this.services.settings().aliases);
    } catch (error) {
      // VS Code asks silently at start-up: a failure then is only logged.
      if (options.silent) this.services.log.error(`Listing models failed: ${describeError(error).message}`);
      else void this.services.showError(error);
      return [];
    }
  }

  async provideLanguageModelChatResponse(
    model: ChatModelInformation,
    messages: readonly vscode.LanguageModelChatRequestMessage[],
    options: vscode.ProvideLanguageModelChatResponseOptions,
    progress: vscode.Progress<vscode.LanguageModelResponsePart>,
    token: vscode.CancellationToken,
  ): Promise<void> {
    if (model.id === SETUP_MODEL_ID) {
      progress.report(new vscode.LanguageModelTextPart(SETUP_ANSWER));
      return;
    }
    const abort = abortOn(token);
    try {
      const engine = await this.services.engine();
      const request = { model: model.id, messages: toCoreMessages(messages), ...toRequestOptions(options) };
      for await (const event of engine.switchboard.stream(request, { signal: abort.signal })) {
        if (event.type === 'interrupted') throw event.error;
        if (event.type === 'response') this.logWarnings(event.response);
        const part = responsePartOf(event);
        if (part) progress.report(toResponsePart(part));
      }
    } catch (error) {
      throw this.failure(error, token);
    } finally {
      abort.dispose();
    }
  }

  async provideTokenCount(
    model: ChatModelInformation,
    text: string | vscode.LanguageModelChatRequestMessage,
    token: vscode.CancellationToken,
  ): Promise<number> {
    const abort = abortOn(token);
    try {
      const engine = await this.services.engine();
      const input: string | Message[] = typeof text === 'string' ? text : toCoreMessages([text]);
      return await countTokens(input, await this.countersFor(engine, model.id, abort.signal));
    } finally {
      abort.dispose();
    }
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  /**
   * A local model's own tokenizer first (exact and cheap: llama.cpp counts in its worker), then
   * core's estimate (gpt-tokenizer for OpenAI models, a character rule otherwise). Cloud counters
   * (Anthropic's count_tokens) are HTTP calls, too slow for the many counts VS Code asks for.
   */
  private async countersFor(engine: Engine, id: string, signal: AbortSignal): Promise<RequestCounter[]> {
    const models = await engine.chatModels();
    const target = [id, ...aliasTargets(id, this.services.settings().aliases)]
      .map((candidate) => models.find((model) => model.id === candidate))
      .find((entry) => entry !== undefined);
    const countId = target?.id ?? id;
    const { estimatePromptTokens } = this.services.core();
    const estimate: RequestCounter = (request) => estimatePromptTokens(request, countId);
    if (!target?.info.local) return [estimate];
    const chatModel = await engine.providerRegistry.chatModel(countId).catch(() => undefined);
    const exact = chatModel?.countTokens?.bind(chatModel);
    return exact ? [(request) => exact(request, { signal }), estimate] : [estimate];
  }

  /** Tokens, cost and the answering model are logged by the engine's hooks; warnings are not. */
  private logWarnings(response: ChatResponse): void {
    for (const warning of response.warnings) {
      this.services.log.debug(
        `${response.model} warning: ${warning.type === 'other' ? warning.message : `unsupported option ${warning.option}`}`,
      );
    }
  }

  /** What VS Code shows in the chat: core's user message (no stack, no key), or a cancellation. */
  private failure(error: unknown, token: vscode.CancellationToken): Error {
    const described = describeError(error);
    if (token.isCancellationRequested || described.cancelled) return new vscode.CancellationError();
    this.services.log.error(`Chat model request failed: ${described.message}`);
    if (error instanceof Error && error.stack && !isSwitchboardError(error)) {
      this.services.log.debug(error.stack);
    }
    // The chat shows `message: stack`; a user gets the message, never our call frames.
    const shown = new Error(described.message);
    shown.stack = `Error: ${described.message}`;
    return shown;
  }

  private async offerSetup(): Promise<void> {
    if (this.offeringSetup) return;
    this.offeringSetup = true;
    try {
      const setKey = 'Set API Key';
      const addLocal = 'Add Local Model';
      const choice = await vscode.window.showInformationMessage(
        'Switchboard has no model set up yet: store an API key for a provider, or add a local model.',
        setKey,
        addLocal,
      );
      if (choice === setKey) await vscode.commands.executeCommand('switchboard.setApiKey');
      if (choice === addLocal) await vscode.commands.executeCommand('switchboard.addLocalModel');
    } finally {
      this.offeringSetup = false;
    }
  }
}

function toResponsePart(part: ResponsePart): vscode.LanguageModelResponsePart {
  return part.kind === 'text'
    ? new vscode.LanguageModelTextPart(part.text)
    : new vscode.LanguageModelToolCallPart(part.callId, part.name, part.input);
}
