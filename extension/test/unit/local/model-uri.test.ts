import { describe, expect, it } from 'vitest';
import { parseModelUri } from '../../../src/features/local/model-uri.js';

const uri = (input: string) => {
  const check = parseModelUri(input);
  return check.ok ? check.uri : undefined;
};

describe('parseModelUri', () => {
  it('accepts the hf: forms node-llama-cpp downloads', () => {
    expect(uri('hf:Qwen/Qwen2.5-0.5B-Instruct-GGUF:Q4_K_M')).toBe(
      'hf:Qwen/Qwen2.5-0.5B-Instruct-GGUF:Q4_K_M',
    );
    expect(uri('hf:user/repo')).toBe('hf:user/repo');
    expect(uri('hf:user/repo/model.Q4_K_M.gguf')).toBe('hf:user/repo/model.Q4_K_M.gguf');
    expect(uri('hf:user/repo/sub/dir/model.gguf#dev')).toBe('hf:user/repo/sub/dir/model.gguf#dev');
    expect(uri('  hf://user/repo:Q8_0 ')).toBe('hf:user/repo:Q8_0');
  });

  it('rejects hf: URIs that are not a repo, a quantization or a .gguf file', () => {
    for (const bad of [
      'hf:user',
      'hf:user/repo/readme.md',
      'hf:user/repo/../x.gguf',
      'hf:/repo',
      'hf:user/repo:Q4 K',
    ]) {
      expect(parseModelUri(bad).ok, bad).toBe(false);
    }
  });

  it('accepts links and turns Hugging Face pages into what downloads', () => {
    expect(uri('https://example.com/models/m.gguf')).toBe('https://example.com/models/m.gguf');
    expect(uri('http://127.0.0.1:8080/m.gguf')).toBe('http://127.0.0.1:8080/m.gguf');
    expect(uri('https://huggingface.co/user/repo/blob/main/m.gguf')).toBe(
      'https://huggingface.co/user/repo/resolve/main/m.gguf',
    );
    expect(uri('https://huggingface.co/user/repo')).toBe('hf:user/repo');
  });

  it('explains what it wants when the input is empty, spaced or something else', () => {
    const empty = parseModelUri('');
    expect(empty.ok).toBe(false);
    expect(!empty.ok && empty.message).toContain('hf:user/repo');
    expect(parseModelUri('hf:user/repo /x.gguf').ok).toBe(false);
    expect(parseModelUri('ftp://x/m.gguf').ok).toBe(false);
    expect(parseModelUri('/home/me/m.gguf').ok).toBe(false);
    expect(parseModelUri('https://').ok).toBe(false);
  });
});
