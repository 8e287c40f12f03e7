import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../../src/config/settings.js';

const from = (values: Record<string, unknown>) => parseSettings((key) => values[key]);

describe('parseSettings', () => {
  it('gives the documented defaults when nothing is set', () => {
    const settings = from({});
    expect(settings.defaultModel).toBe('');
    expect(settings.policy).toBe('order');
    expect(settings.budget).toEqual({ mode: 'warn', warnAtFraction: 0.8 });
    expect(settings.cache).toEqual({ enabled: false, ttlMs: 1440 * 60_000 });
    expect(settings.retries.maxAttempts).toBe(3);
    expect(settings.timeouts).toEqual({ firstTokenMs: 60_000, totalMs: 600_000 });
    expect(settings.hedgeAfterMs).toBeUndefined();
    expect(settings.images).toMatchObject({
      model: 'openai/gpt-image-1',
      size: 'auto',
      format: 'png',
      folder: 'images',
    });
    expect(settings.local).toEqual({ modelsDir: '', gpuLayers: 'auto', contextSize: 'auto', gpu: 'auto' });
  });

  it('keeps valid values and replaces invalid ones with defaults', () => {
    const settings = from({
      defaultModel: '  openai/gpt-4o  ',
      'routing.policy': 'cheapest',
      'budget.dailyUsd': 5,
      'budget.monthlyUsd': -1,
      'budget.mode': 'block',
      'budget.warnAtPercent': 250,
      'retries.maxAttempts': 99,
      'hedging.afterSeconds': 1.5,
      'images.size': '4096x4096',
      'local.gpuLayers': 20,
      'local.contextSize': 'lots',
    });
    expect(settings.defaultModel).toBe('openai/gpt-4o');
    expect(settings.policy).toBe('cheapest');
    expect(settings.budget).toEqual({ dailyUsd: 5, mode: 'block', warnAtFraction: 1 });
    expect(settings.retries.maxAttempts).toBe(10);
    expect(settings.hedgeAfterMs).toBe(1500);
    expect(settings.images.size).toBe('auto');
    expect(settings.local.gpuLayers).toBe('20');
    expect(settings.local.contextSize).toBe('auto');
  });

  it('reads aliases as ids or ordered lists and drops empty entries', () => {
    const settings = from({
      aliases: {
        fast: 'groq/llama-3.3-70b-versatile',
        smart: ['anthropic/claude-sonnet-4-5', ' openai/gpt-4o '],
        empty: [],
        bad: 3,
      },
      fallbacks: { 'openai/gpt-4o': ['anthropic/claude-sonnet-4-5'], single: 'ollama/llama3.2', none: [] },
    });
    expect(settings.aliases).toEqual({
      fast: 'groq/llama-3.3-70b-versatile',
      smart: ['anthropic/claude-sonnet-4-5', 'openai/gpt-4o'],
    });
    expect(settings.fallbacks).toEqual({
      'openai/gpt-4o': ['anthropic/claude-sonnet-4-5'],
      single: ['ollama/llama3.2'],
    });
  });

  it('never takes a key from provider settings: keys belong in secret storage', () => {
    const settings = from({
      providers: {
        azure: { baseUrl: 'https://me.openai.azure.com', apiVersion: '2024-10-21', apiKey: 'sk-in-settings' },
        openrouter: { token: 'x', secretThing: 'y' },
        broken: 'not an object',
      },
    });
    expect(settings.providers).toEqual({
      azure: { baseUrl: 'https://me.openai.azure.com', apiVersion: '2024-10-21' },
      openrouter: {},
    });
  });
});
