import type { ProviderContext, ProviderDefinition } from '@switchboard/core';
import { type ClientHandle, createOpenAIClient } from './create-openai-client.js';
import { listOpenAIModels } from './list-openai-models.js';
import { OpenAIChatModel } from './openai-chat-model.js';
import { OpenAIEmbeddingModel } from './openai-embedding-model.js';
import { OpenAIImageModel } from './openai-image-model.js';
import { OpenAISpeechModel } from './openai-speech-model.js';
import { knownModelInfo, type OpenAIPreset } from './presets.js';
import { settingsOf } from './provider-settings.js';

/** One provider id of the plugin, served from its preset record. */
export function createOpenAIProvider(preset: OpenAIPreset): ProviderDefinition {
  const definition: ProviderDefinition = {
    id: preset.id,
    displayName: preset.displayName,
    settings: settingsOf(preset),
    listModels: (context, options) => listOpenAIModels(preset, connector(preset, context), options),
    chatModel: (modelId, context) =>
      new OpenAIChatModel(preset, modelId, connector(preset, context), knownModelInfo(preset, modelId)),
  };
  if (preset.local) definition.local = true;
  if (preset.embeddings) {
    definition.embeddingModel = (modelId, context) =>
      new OpenAIEmbeddingModel(preset, modelId, connector(preset, context));
  }
  if (preset.images) {
    definition.imageModel = (modelId, context) =>
      new OpenAIImageModel(preset, modelId, connector(preset, context));
  }
  if (preset.speech) {
    definition.speechModel = (modelId, context) =>
      new OpenAISpeechModel(preset, modelId, connector(preset, context), context.log);
  }
  return definition;
}

/**
 * Makes the SDK client on first use and keeps it. A missing setting throws on every use (not at
 * model creation), so listing static models and creating models works before a key is set.
 */
function connector(preset: OpenAIPreset, context: ProviderContext): () => ClientHandle {
  let handle: ClientHandle | undefined;
  return () => {
    handle ??= createOpenAIClient(preset, context);
    return handle;
  };
}
