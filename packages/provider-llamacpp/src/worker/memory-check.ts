import type { Llama } from 'node-llama-cpp';
import { AUTO_CONTEXT_MAX, type LoadOptions } from '../protocol.js';
import type { NodeLlamaCpp } from './node-llama-cpp.js';
import { WorkerFailure } from './worker-failure.js';

export interface MemoryPlan {
  contextSize: number;
  gpuLayers: number;
  trainContextSize?: number;
  ramBytes: number;
  vramBytes: number;
}

/**
 * Estimates what loading the model and its context will take (node-llama-cpp's GgufInsights,
 * which follows llama.cpp's allocation rules) and refuses before allocating anything when it
 * will not fit: a model that does not fit otherwise ends in swapping or the OOM killer.
 */
export async function planMemory(lib: NodeLlamaCpp, llama: Llama, options: LoadOptions): Promise<MemoryPlan> {
  const fileInfo = await lib.readGgufFileInfo(options.modelPath);
  const insights = await lib.GgufInsights.from(fileInfo, llama);
  const trainContextSize = insights.trainContextSize;
  const contextSize =
    options.contextSize === 'auto'
      ? Math.min(trainContextSize ?? 4096, AUTO_CONTEXT_MAX)
      : options.contextSize;
  let gpuLayers = 0;
  if (llama.supportsGpuOffloading) {
    gpuLayers =
      options.gpuLayers === 'auto'
        ? (await insights.configurationResolver.resolveModelGpuLayersV2({ fitContext: { contextSize } }))
            .gpuLayers
        : Math.min(options.gpuLayers, insights.totalLayers);
  }
  const model = await insights.estimateModelResourceRequirementsV2({ gpuLayers });
  const context = await insights.estimateContextResourceRequirementsV2({
    contextSize,
    modelGpuLayers: gpuLayers,
    sequences: options.sequences,
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
  });
  const ramBytes = model.cpuRam + context.cpuRam;
  const vramBytes = model.gpuVram + context.gpuVram;

  const ram = await llama.getRamState();
  const limit = options.memoryLimitBytes ?? ram.free;
  const limitName = options.memoryLimitBytes === undefined ? 'free RAM' : 'the memory limit setting';
  if (ramBytes > limit) {
    throw new WorkerFailure(
      'insufficient-memory',
      `Loading this model with a ${contextSize}-token context needs about ${mb(ramBytes)} of RAM, ` +
        `more than ${limitName} (${mb(limit)})`,
    );
  }
  if (vramBytes > 0) {
    const vram = await llama.getVramState();
    if (vramBytes > vram.free) {
      throw new WorkerFailure(
        'insufficient-memory',
        `Loading ${gpuLayers} layers on the GPU needs about ${mb(vramBytes)} of VRAM, more than the free ${mb(vram.free)}`,
      );
    }
  }
  return {
    contextSize,
    gpuLayers,
    ...(trainContextSize === undefined ? {} : { trainContextSize }),
    ramBytes,
    vramBytes,
  };
}

const mb = (bytes: number) => `${Math.max(1, Math.round(bytes / 2 ** 20))} MB`;
