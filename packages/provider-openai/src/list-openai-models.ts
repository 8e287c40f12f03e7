import type { ListModelsOptions, ModelInfo, ModelKind } from '@switchboard/core';
import { requestOptions, signalOf } from './call-options.js';
import type { ClientHandle } from './create-openai-client.js';
import { mapOpenAIError } from './openai-error.js';
import { knownModelInfo, type OpenAIPreset } from './presets.js';

/**
 * The preset's models. With `live`, what `GET /models` lists, each with the static facts where
 * the id is known; an id known only live gets a kind guessed from its name and no capability
 * claims (the router then treats them as unknown rather than absent). A service whose list does
 * not name callable models (Azure: deployments are the user's names) keeps its static list.
 * https://platform.openai.com/docs/api-reference/models/list
 */
export async function listOpenAIModels(
  preset: OpenAIPreset,
  connect: () => ClientHandle,
  options: ListModelsOptions = {},
): Promise<ModelInfo[]> {
  const local = preset.local ? { local: true } : {};
  if (!options.live || !preset.liveModelList) return preset.models.map((model) => ({ ...model, ...local }));
  const { client, origin } = connect();
  const ids: string[] = [];
  try {
    for await (const model of client.models.list(requestOptions(options))) ids.push(model.id);
  } catch (error) {
    throw mapOpenAIError(error, { ...origin, ...signalOf(options) });
  }
  return ids.map((id) => ({
    ...(knownModelInfo(preset, id) ?? { id, kind: guessKind(id), capabilities: {} }),
    ...local,
  }));
}

/** OpenAI's and most servers' naming: embedding models say "embed", TTS models "tts", image models "image"/"dall-e". */
function guessKind(id: string): ModelKind {
  if (/embed/i.test(id)) return 'embedding';
  if (/(?:^|[-/])tts|text-to-speech/i.test(id)) return 'speech';
  if (/dall-e|gpt-image|(?:^|[-/])image(?:$|-)/i.test(id)) return 'image';
  return 'chat';
}
