import type { ChatWrapper, LlamaModel } from 'node-llama-cpp';
import type { NodeLlamaCpp } from './node-llama-cpp.js';
import { WorkerFailure } from './worker-failure.js';

/**
 * The prompt format: the one the file's own chat template describes (node-llama-cpp maps known
 * templates to its tuned wrappers, others run through Jinja), or GeneralChatWrapper when the file
 * has none, rather than a guess from the file name. A named wrapper overrides both.
 */
export function resolveWrapper(lib: NodeLlamaCpp, model: LlamaModel, name: string): ChatWrapper {
  if (name !== 'auto') {
    const known = (lib.resolvableChatWrapperTypeNames as readonly string[]).includes(name);
    if (!known) {
      throw new WorkerFailure(
        'invalid-request',
        `Unknown chat wrapper "${name}"; use one of: ${lib.resolvableChatWrapperTypeNames.join(', ')}`,
      );
    }
    return lib.resolveChatWrapper(model, {
      type: name as (typeof lib.resolvableChatWrapperTypeNames)[number],
      warningLogs: false,
    });
  }
  const template = model.fileInfo.metadata.tokenizer?.chat_template;
  if (typeof template !== 'string' || template.trim() === '') return new lib.GeneralChatWrapper();
  return lib.resolveChatWrapper(model, { warningLogs: false });
}
