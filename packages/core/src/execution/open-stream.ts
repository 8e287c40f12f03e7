import type { ChatModel } from '../types/models.js';
import type { ChatRequest } from '../types/request.js';
import type { StreamPhase } from '../types/response.js';
import { isContentEvent, type ModelStreamEvent } from '../types/stream.js';
import { earliest, timeoutError, withDeadline } from './deadline.js';
import type { TimeoutOptions } from './types.js';

export interface OpenedStream {
  iterator: AsyncIterator<ModelStreamEvent>;
  /** Events received up to and including the first content event. */
  buffered: ModelStreamEvent[];
  /** The stream already ended without any content (an empty or filtered answer). */
  ended: boolean;
  openedAt: number;
  firstContentAt?: number;
}

/**
 * Opens a model's stream and pulls events until the first content arrives. This runs inside the
 * retry scope on purpose: SDKs that open the HTTP call lazily surface 401/429 only on the first
 * pull, and vendors such as Anthropic report overload as an in-stream event before any text.
 */
export async function openUntilContent(
  model: ChatModel,
  modelId: string,
  request: ChatRequest,
  signal: AbortSignal,
  timeouts: TimeoutOptions,
  deadline: number | undefined,
  reportPhase: (phase: StreamPhase) => void = () => {},
): Promise<OpenedStream> {
  const openedAt = Date.now();
  const connectBy = timeouts.connectMs === undefined ? undefined : openedAt + timeouts.connectMs;
  const firstTokenBy = timeouts.firstTokenMs === undefined ? undefined : openedAt + timeouts.firstTokenMs;
  let iterator: AsyncIterator<ModelStreamEvent> | undefined;
  try {
    reportPhase('before-first-byte');
    iterator = model.stream(request, { signal })[Symbol.asyncIterator]();
    const buffered: ModelStreamEvent[] = [];
    for (;;) {
      const waitingForFirstByte = buffered.length === 0;
      const by = earliest(waitingForFirstByte ? connectBy : undefined, firstTokenBy, deadline);
      const result = await withDeadline(
        iterator.next(),
        by,
        () =>
          by === deadline
            ? timeoutError(modelId, 'did not finish', (deadline ?? openedAt) - openedAt)
            : waitingForFirstByte && by === connectBy
              ? timeoutError(modelId, 'sent nothing', timeouts.connectMs ?? 0)
              : timeoutError(modelId, 'sent no first token', timeouts.firstTokenMs ?? 0),
        signal,
      );
      if (result.done) return { iterator, buffered, ended: true, openedAt };
      if (buffered.length === 0) reportPhase('before-first-content');
      buffered.push(result.value);
      if (isContentEvent(result.value))
        return { iterator, buffered, ended: false, openedAt, firstContentAt: Date.now() };
    }
  } catch (error) {
    // Release the SDK's stream without waiting: a hung one would never answer.
    iterator?.return?.()?.catch(() => {});
    throw error;
  }
}
