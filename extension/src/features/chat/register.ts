// The @switchboard chat participant: plain questions, slash commands for code, images, models and
// cost; followups after each answer.
import * as vscode from 'vscode';
import type { Services } from '../../host/services.js';
import { followupsFor, readMetadata } from './chat-result.js';
import { chatHandler } from './handler.js';
import { PARTICIPANT_ID } from './turn.js';

export function registerChat(services: Services): void {
  const participant = vscode.chat.createChatParticipant(PARTICIPANT_ID, chatHandler(services));
  participant.iconPath = vscode.Uri.joinPath(services.context.extensionUri, 'media', 'icon.png');
  participant.followupProvider = {
    provideFollowups: (result) =>
      followupsFor(readMetadata(result.metadata)).map((followup) => ({
        prompt: followup.prompt,
        label: followup.label,
        ...(followup.command ? { command: followup.command } : {}),
      })),
  };
  services.context.subscriptions.push(participant);
}
