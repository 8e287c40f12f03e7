// The choices of "Generate Image": one step to go with the defaults, or a step each for size,
// quality, background and format, with the settings' defaults marked.
import type { ImageRequest } from '@switchboard/core';
import type { ImageDefaults } from '../../config/settings.js';

export type ImageChoices = Pick<ImageDefaults, 'size' | 'quality' | 'background' | 'format'>;
export type ImageOptionName = keyof ImageChoices;

export interface OptionChoice<V extends string = string> {
  value: V;
  label: string;
  description?: string;
}

const CHOICES: { [K in ImageOptionName]: OptionChoice<ImageChoices[K]>[] } = {
  size: [
    { value: 'auto', label: 'Auto', description: 'the model decides' },
    { value: '1024x1024', label: 'Square', description: '1024 × 1024' },
    { value: '1536x1024', label: 'Landscape', description: '1536 × 1024' },
    { value: '1024x1536', label: 'Portrait', description: '1024 × 1536' },
  ],
  quality: [
    { value: 'auto', label: 'Auto', description: 'the model decides' },
    { value: 'low', label: 'Low', description: 'fastest, cheapest' },
    { value: 'medium', label: 'Medium' },
    { value: 'high', label: 'High', description: 'slowest, most expensive' },
  ],
  background: [
    { value: 'auto', label: 'Auto', description: 'the model decides' },
    { value: 'transparent', label: 'Transparent', description: 'PNG or WebP only' },
    { value: 'opaque', label: 'Opaque' },
  ],
  format: [
    { value: 'png', label: 'PNG' },
    { value: 'jpeg', label: 'JPEG' },
    { value: 'webp', label: 'WebP' },
  ],
};

export const OPTION_TITLES: Record<ImageOptionName, string> = {
  size: 'Size',
  quality: 'Quality',
  background: 'Background',
  format: 'File format',
};

export const OPTION_ORDER: ImageOptionName[] = ['size', 'quality', 'background', 'format'];

/** The choices of one step; JPEG has no transparency, so it is not offered with a transparent background. */
export function optionChoices(name: ImageOptionName, chosen: Partial<ImageChoices> = {}): OptionChoice[] {
  const choices: OptionChoice[] = CHOICES[name];
  return name === 'format' && chosen.background === 'transparent'
    ? choices.filter((choice) => choice.value !== 'jpeg')
    : choices;
}

/** `square 1024 × 1024 · high quality · transparent · PNG`, for the "use the defaults" item. */
export function describeChoices(choices: ImageChoices): string {
  const label = (name: ImageOptionName) =>
    CHOICES[name].find((choice) => choice.value === choices[name])?.label ?? choices[name];
  return [
    choices.size === 'auto'
      ? 'auto size'
      : `${label('size').toLowerCase()} ${choices.size.replace('x', ' × ')}`,
    `${choices.quality} quality`,
    choices.background === 'auto' ? 'auto background' : `${choices.background} background`,
    label('format'),
  ].join(' · ');
}

/** The request for core; a transparent background forces a format that can hold it. */
export function imageRequest(prompt: string, choices: ImageChoices): ImageRequest {
  const format = choices.background === 'transparent' && choices.format === 'jpeg' ? 'png' : choices.format;
  return {
    prompt,
    n: 1,
    size: choices.size,
    quality: choices.quality,
    background: choices.background,
    outputFormat: format,
  };
}
