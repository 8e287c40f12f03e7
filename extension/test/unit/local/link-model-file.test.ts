import { lstat, mkdir, mkdtemp, readlink, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  isGgufHeader,
  LocalModelProblem,
  linkModelFile,
  linkNames,
  splitPartNames,
} from '../../../src/features/local/link-model-file.js';

const GGUF_BYTES = Buffer.concat([Buffer.from('GGUF'), Buffer.alloc(16)]);

describe('isGgufHeader', () => {
  it('checks the GGUF magic', () => {
    expect(isGgufHeader(new TextEncoder().encode('GGUF\x03\x00'))).toBe(true);
    expect(isGgufHeader(new TextEncoder().encode('<!DOCTYPE html>'))).toBe(false);
    expect(isGgufHeader(new TextEncoder().encode('GGU'))).toBe(false);
  });
});

describe('splitPartNames', () => {
  it('names every part of a split model, and a single file alone', () => {
    expect(splitPartNames('big-00001-of-00003.gguf')).toEqual([
      'big-00001-of-00003.gguf',
      'big-00002-of-00003.gguf',
      'big-00003-of-00003.gguf',
    ]);
    expect(splitPartNames('small.gguf')).toEqual(['small.gguf']);
  });
});

describe('linkNames', () => {
  const none = new Map<string, 'same' | 'other'>();

  it('makes the name safe', () => {
    expect(linkNames('My Model (Q4).gguf', none).names).toEqual(['My-Model-Q4.gguf']);
    expect(linkNames('Ünïcode mödel.GGUF', none).names).toEqual(['Unicode-model.gguf']);
    expect(linkNames('...gguf', none).names).toEqual(['model.gguf']);
  });

  it('numbers around another file with the name, and reuses a link to the same file', () => {
    expect(linkNames('m.gguf', new Map([['m.gguf', 'other']]))).toEqual({
      names: ['m-2.gguf'],
      reuse: false,
    });
    expect(
      linkNames(
        'm.gguf',
        new Map([
          ['m.gguf', 'other'],
          ['m-2.gguf', 'other'],
        ]),
      ).names,
    ).toEqual(['m-3.gguf']);
    expect(linkNames('m.gguf', new Map([['m.gguf', 'same']]))).toEqual({ names: ['m.gguf'], reuse: true });
  });

  it('keeps the part suffix of a split model last', () => {
    const taken = new Map<string, 'same' | 'other'>([['big-00002-of-00002.gguf', 'other']]);
    expect(linkNames('big-00001-of-00002.gguf', taken).names).toEqual([
      'big-2-00001-of-00002.gguf',
      'big-2-00002-of-00002.gguf',
    ]);
  });
});

describe('linkModelFile', () => {
  let root: string;
  let models: string;

  beforeEach(async () => {
    root = await realpath(await mkdtemp(join(tmpdir(), 'sb-link-')));
    models = join(root, 'models');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('links the file into the models folder (created if needed) and names the model after it', async () => {
    const source = join(root, 'Tiny Model.gguf');
    await writeFile(source, GGUF_BYTES);
    const linked = await linkModelFile(source, models);
    expect(linked).toEqual({ modelId: 'Tiny-Model', method: 'symlink' });
    expect((await lstat(join(models, 'Tiny-Model.gguf'))).isSymbolicLink()).toBe(true);
    expect(await readlink(join(models, 'Tiny-Model.gguf'))).toBe(source);
  });

  it('reuses its own link on a second add, and avoids another model with the name', async () => {
    const source = join(root, 'a', 'm.gguf');
    const other = join(root, 'b', 'm.gguf');
    await mkdir(join(root, 'a'));
    await mkdir(join(root, 'b'));
    await writeFile(source, GGUF_BYTES);
    await writeFile(other, GGUF_BYTES);
    expect((await linkModelFile(source, models)).modelId).toBe('m');
    expect(await linkModelFile(source, models)).toEqual({ modelId: 'm', method: 'already-there' });
    expect((await linkModelFile(other, models)).modelId).toBe('m-2');
  });

  it('leaves a file that is already in the models folder where it is', async () => {
    await mkdir(models);
    await writeFile(join(models, 'here.gguf'), GGUF_BYTES);
    expect(await linkModelFile(join(models, 'here.gguf'), models)).toEqual({
      modelId: 'here',
      method: 'already-there',
    });
  });

  it('links every part of a split model, and refuses one with a part missing', async () => {
    await writeFile(join(root, 'big-00001-of-00002.gguf'), GGUF_BYTES);
    await writeFile(join(root, 'big-00002-of-00002.gguf'), Buffer.from('rest'));
    expect((await linkModelFile(join(root, 'big-00001-of-00002.gguf'), models)).modelId).toBe(
      'big-00001-of-00002',
    );
    expect((await lstat(join(models, 'big-00002-of-00002.gguf'))).isSymbolicLink()).toBe(true);

    await writeFile(join(root, 'gap-00001-of-00002.gguf'), GGUF_BYTES);
    await expect(linkModelFile(join(root, 'gap-00001-of-00002.gguf'), models)).rejects.toThrow(/missing/);
  });

  it('refuses a file that is not GGUF', async () => {
    const source = join(root, 'page.gguf');
    await writeFile(source, '<!DOCTYPE html><html></html>');
    await expect(linkModelFile(source, models)).rejects.toBeInstanceOf(LocalModelProblem);
  });
});
