// Which model answers: the one picked in the chat's model picker when it is one of ours, else
// Switchboard's current model.
import { SETUP_MODEL_ID } from '../models/model-information.js';
import type { ChatTurn } from './turn.js';

/** Our models are registered with VS Code under their core ids (`openai/gpt-4o-mini`). */
export async function chatModel(turn: ChatTurn): Promise<string | undefined> {
  const picked = turn.request.model;
  if (picked?.vendor === 'switchboard' && picked.id) {
    return picked.id === SETUP_MODEL_ID ? undefined : picked.id;
  }
  return turn.services.currentModel();
}

/** The answer when no model is set up: what to do, with buttons for it. */
export function explainNoModel(turn: ChatTurn): void {
  turn.stream.markdown(
    'No model is set up yet. Store an API key for a provider, start Ollama, or add a local model; then pick the model to use.',
  );
  turn.stream.button({ title: 'Set API Key', command: 'switchboard.setApiKey' });
  turn.stream.button({ title: 'Select Model', command: 'switchboard.selectModel' });
}
