// One chat request with everything a command needs to answer it.
import type * as vscode from 'vscode';
import type { Services } from '../../host/services.js';
import type { ChatAnswerMetadata } from './chat-result.js';

export interface ChatTurn {
  services: Services;
  request: vscode.ChatRequest;
  context: vscode.ChatContext;
  stream: vscode.ChatResponseStream;
  token: vscode.CancellationToken;
}

/** What each command returns: the metadata VS Code keeps with the answer. */
export type CommandResult = ChatAnswerMetadata;

export const PARTICIPANT_ID = 'switchboard.chat';
