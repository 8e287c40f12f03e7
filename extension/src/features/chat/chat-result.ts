// What a chat answer remembers about itself (ChatResult.metadata) and the followups it suggests.

export interface ChatAnswerMetadata {
  command?: string;
  /** The answer failed (an error was shown); it and its question are left out of the history. */
  error?: boolean;
  model?: string;
}

export interface FollowupSuggestion {
  prompt: string;
  label: string;
  command?: string;
}

export function followupsFor(metadata: ChatAnswerMetadata | undefined): FollowupSuggestion[] {
  if (!metadata) return [];
  if (metadata.error) return [{ prompt: '', label: 'Show the models I can use', command: 'models' }];
  if (metadata.command === 'explain') {
    return [
      { prompt: '', label: 'Write tests for this code', command: 'tests' },
      { prompt: '', label: 'Add documentation comments', command: 'doc' },
    ];
  }
  return [];
}

/** Reads metadata back from a ChatResult (VS Code hands back a copy, typed loosely). */
export function readMetadata(metadata: { readonly [key: string]: unknown } | undefined): ChatAnswerMetadata {
  if (!metadata) return {};
  return {
    ...(typeof metadata.command === 'string' ? { command: metadata.command } : {}),
    ...(metadata.error === true ? { error: true } : {}),
    ...(typeof metadata.model === 'string' ? { model: metadata.model } : {}),
  };
}
