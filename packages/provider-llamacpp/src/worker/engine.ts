import type { JsonSchema } from '@switchboard/core';
import type {
  ChatHistoryItem,
  ChatModelFunctions,
  ChatWrapper,
  GbnfJsonSchema,
  Llama,
  LlamaChatResponseChunk,
  LlamaContext,
  LlamaContextSequence,
  LlamaEmbeddingContext,
  LlamaGrammar,
  LlamaModel,
} from 'node-llama-cpp';
import type {
  ChatOutcome,
  EmbedOutcome,
  LoadedModel,
  LoadOptions,
  WireChatRequest,
  WorkerEvent,
  WorkerStats,
} from '../protocol.js';
import { resolveWrapper } from './chat-wrapper.js';
import { planMemory } from './memory-check.js';
import { loadNodeLlamaCpp, type NodeLlamaCpp } from './node-llama-cpp.js';
import { SequencePool } from './sequence-pool.js';
import { WorkerFailure } from './worker-failure.js';

interface Loaded {
  lib: NodeLlamaCpp;
  llama: Llama;
  model: LlamaModel;
  context: LlamaContext;
  wrapper: ChatWrapper;
  pool: SequencePool<LlamaContextSequence>;
  options: LoadOptions;
}

/** How many of llama.cpp's last error lines are kept to explain a failed load. */
const KEPT_LOG_LINES = 8;

/** One model in one worker process: its context sequences serve requests, the rest wait in line. */
export class Engine {
  private loaded: Loaded | undefined;
  private embedding: Promise<LlamaEmbeddingContext> | undefined;
  private readonly grammars = new Map<string, Promise<LlamaGrammar>>();
  private generatedTokens = 0;
  private activeRequests = 0;
  /** llama.cpp's recent error lines: node-llama-cpp's own errors only say "Failed to load model". */
  readonly llamaErrors: string[] = [];

  constructor(private readonly log: (level: 'warn' | 'error', message: string) => void) {}

  async load(options: LoadOptions): Promise<LoadedModel> {
    if (this.loaded) throw new WorkerFailure('internal', 'This worker already holds a model');
    const lib = await loadNodeLlamaCpp();
    const llama = await lib.getLlama({
      // 'auto' tries the installed GPU builds (CUDA, Vulkan, Metal) and falls back to the CPU one.
      gpu: options.gpu === false ? false : 'auto',
      // Never compile llama.cpp on a user's machine from inside the editor.
      build: 'never',
      skipDownload: true,
      progressLogs: false,
      maxThreads: options.threads,
      logLevel: lib.LlamaLogLevel.warn,
      logger: (level, message) => this.onLlamaLog(level, message),
    });
    const plan = await planMemory(lib, llama, options);
    const model = await llama.loadModel({ modelPath: options.modelPath, gpuLayers: plan.gpuLayers });
    const context = await model.createContext({
      contextSize: plan.contextSize,
      sequences: options.sequences,
      threads: options.threads,
      failedCreationRemedy: false,
      ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
    });
    const wrapper = resolveWrapper(lib, model, options.chatWrapper);
    const sequences = Array.from({ length: options.sequences }, () => context.getSequence());
    this.loaded = { lib, llama, model, context, wrapper, pool: new SequencePool(sequences), options };
    return {
      gpu: llama.gpu,
      gpuLayers: model.gpuLayers,
      contextSize: context.contextSize,
      ...(plan.trainContextSize === undefined ? {} : { trainContextSize: plan.trainContextSize }),
      ...(model.embeddingVectorSize === undefined ? {} : { embeddingSize: model.embeddingVectorSize }),
      chatWrapper: wrapper.wrapperName,
      threads: options.threads,
      estimatedRamBytes: plan.ramBytes,
      estimatedVramBytes: plan.vramBytes,
    };
  }

  async chat(
    request: WireChatRequest,
    signal: AbortSignal,
    emit: (event: WorkerEvent) => void,
  ): Promise<ChatOutcome> {
    const { lib, context, wrapper, pool } = this.ready();
    const functions = toFunctions(request.functions);
    const history = toHistory(request.history);
    const promptTokens = this.promptTokens(history, functions);
    const room = context.contextSize - promptTokens;
    if (room <= 0) {
      throw new WorkerFailure(
        'context-window-exceeded',
        `The prompt is ${promptTokens} tokens, but the context holds ${context.contextSize}`,
      );
    }
    // Bounded by the room left, so generation never silently shifts the prompt out of context.
    const maxTokens = Math.min(request.maxTokens ?? room, room);
    const grammar = request.json && !functions ? await this.grammarFor(request.json.schema) : undefined;

    this.activeRequests++;
    try {
      const sequence = await pool.acquire(signal);
      const chat = new lib.LlamaChat({ contextSequence: sequence, chatWrapper: wrapper });
      const before = sequence.tokenMeter.getState();
      try {
        let reasoningTokens = 0;
        const common = {
          signal,
          maxTokens,
          ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
          ...(request.topP === undefined ? {} : { topP: request.topP }),
          ...(request.topK === undefined ? {} : { topK: request.topK }),
          ...(request.minP === undefined ? {} : { minP: request.minP }),
          ...(request.seed === undefined ? {} : { seed: request.seed }),
          ...(request.stop?.length ? { customStopTriggers: request.stop } : {}),
          ...(request.repeatPenalty === undefined
            ? {}
            : {
                repeatPenalty:
                  request.repeatPenalty === false ? (false as const) : { penalty: request.repeatPenalty },
              }),
          onResponseChunk: (chunk: LlamaChatResponseChunk) => {
            if (chunk.type === undefined) {
              if (chunk.text) emit({ type: 'text', text: chunk.text });
              return;
            }
            reasoningTokens += chunk.tokens.length;
            if (chunk.text) emit({ type: 'reasoning', text: chunk.text });
          },
        };
        const response = functions
          ? await chat.generateResponse(history, {
              ...common,
              functions,
              documentFunctionParams: true,
              onFunctionCallParamsChunk: (chunk) =>
                emit({
                  type: 'function-params',
                  index: chunk.callIndex,
                  name: chunk.functionName,
                  text: chunk.paramsChunk,
                }),
            })
          : grammar
            ? await chat.generateResponse(history, { ...common, grammar })
            : await chat.generateResponse(history, common);
        const used = lib.TokenMeter.diff(sequence.tokenMeter.getState(), before);
        return {
          text: response.response,
          functionCalls: (response.functionCalls ?? []).map((call) => ({
            name: call.functionName,
            params: call.params ?? {},
          })),
          stopReason: response.metadata.stopReason,
          usage: {
            promptTokens,
            // The last prompt token is evaluated with the first generated one, not as input.
            cachedPromptTokens: Math.max(0, promptTokens - used.usedInputTokens - 1),
            outputTokens: used.usedOutputTokens,
            reasoningTokens,
          },
        };
      } finally {
        // Counted on every path: tests and diagnostics see how far a cancelled request got.
        this.generatedTokens += lib.TokenMeter.diff(sequence.tokenMeter.getState(), before).usedOutputTokens;
        chat.dispose({ disposeSequence: false });
        pool.release(sequence);
      }
    } finally {
      this.activeRequests--;
    }
  }

  /** Exact prompt size: the chat wrapper's rendering, tokenized by the model's own tokenizer. */
  count(request: WireChatRequest): number {
    return this.promptTokens(toHistory(request.history), toFunctions(request.functions));
  }

  async embed(values: string[], signal: AbortSignal): Promise<EmbedOutcome> {
    const { model, context, options } = this.ready();
    this.embedding ??= model.createEmbeddingContext({
      contextSize: context.contextSize,
      threads: options.threads,
      ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
    });
    const embedding = await this.embedding;
    const vectors: number[][] = [];
    let tokens = 0;
    this.activeRequests++;
    try {
      for (const value of values) {
        signal.throwIfAborted();
        const length = embedding.calculateInputLength(value);
        if (length > context.contextSize) {
          throw new WorkerFailure(
            'context-window-exceeded',
            `An input is ${length} tokens, but the context holds ${context.contextSize}`,
          );
        }
        tokens += length;
        vectors.push([...(await embedding.getEmbeddingFor(value)).vector]);
      }
    } finally {
      this.activeRequests--;
    }
    return { vectors, tokens };
  }

  stats(): WorkerStats {
    return { generatedTokens: this.generatedTokens, activeRequests: this.activeRequests, pid: process.pid };
  }

  async dispose(): Promise<void> {
    const loaded = this.loaded;
    this.loaded = undefined;
    await loaded?.llama.dispose();
  }

  private ready(): Loaded {
    if (!this.loaded) throw new WorkerFailure('internal', 'No model is loaded in this worker');
    return this.loaded;
  }

  private promptTokens(history: ChatHistoryItem[], functions: ChatModelFunctions | undefined): number {
    const { model, wrapper } = this.ready();
    const state = wrapper.generateContextState({
      chatHistory: history,
      ...(functions ? { availableFunctions: functions, documentFunctionParams: true } : {}),
    });
    return state.contextText.tokenize(model.tokenizer).length;
  }

  private grammarFor(schema: JsonSchema | undefined): Promise<LlamaGrammar> {
    const { llama } = this.ready();
    const key = JSON.stringify(schema ?? null);
    let grammar = this.grammars.get(key);
    if (!grammar) {
      grammar = (
        schema
          ? llama.createGrammarForJsonSchema<GbnfJsonSchema>(asGbnfSchema(schema))
          : llama.getGrammarFor('json')
      ).catch((error: unknown) => {
        this.grammars.delete(key);
        throw new WorkerFailure(
          'invalid-request',
          `llama.cpp cannot turn this JSON schema into a grammar: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
      this.grammars.set(key, grammar);
    }
    return grammar;
  }

  private onLlamaLog(level: string, message: string): void {
    const line = message.trim();
    if (!line) return;
    if (level === 'error' || level === 'fatal') {
      this.llamaErrors.push(line);
      if (this.llamaErrors.length > KEPT_LOG_LINES) this.llamaErrors.shift();
    }
    this.log(level === 'warn' ? 'warn' : 'error', line);
  }
}

/** The wire history is node-llama-cpp's own shape restricted to plain JSON. */
function toHistory(history: WireChatRequest['history']): ChatHistoryItem[] {
  return history.map((item): ChatHistoryItem => {
    if (item.type !== 'model') return { ...item };
    return {
      type: 'model',
      response: item.response.map((part) => (typeof part === 'string' ? part : { ...part })),
    };
  });
}

function toFunctions(functions: WireChatRequest['functions']): ChatModelFunctions | undefined {
  if (!functions || Object.keys(functions).length === 0) return undefined;
  const out: Record<string, { description?: string; params?: GbnfJsonSchema }> = {};
  for (const [name, fn] of Object.entries(functions)) {
    out[name] = {
      ...(fn.description === undefined ? {} : { description: fn.description }),
      ...(fn.params === undefined ? {} : { params: asGbnfSchema(fn.params) }),
    };
  }
  return out;
}

/**
 * node-llama-cpp types the JSON-schema subset it can compile to a grammar; a user's schema is
 * arbitrary JSON, checked by node-llama-cpp at run time (failures become invalid-request errors).
 */
function asGbnfSchema(schema: object): GbnfJsonSchema {
  return schema as GbnfJsonSchema;
}
