import { describe, expect, it } from 'vitest';
import { extractCodeBlocks } from '../../../src/prompts/extract-code.js';
import { fenceCode, fenceLanguage } from '../../../src/prompts/fence.js';

describe('fenceCode', () => {
  it('uses three backticks and the language tag for ordinary code', () => {
    expect(fenceCode('const a = 1;', 'typescript')).toBe('```typescript\nconst a = 1;\n```');
  });

  it('does not add a second newline when the code ends with one', () => {
    expect(fenceCode('x\n', 'python')).toBe('```python\nx\n```');
  });

  it('uses a longer fence than any backtick run inside the code', () => {
    const markdown = 'Intro\n```ts\nconst x = 1;\n```\nand ````four````';
    const fenced = fenceCode(markdown, 'markdown');
    expect(fenced.startsWith('`````markdown\n')).toBe(true);
    expect(fenced.endsWith('\n`````')).toBe(true);
  });

  it('round-trips through the extractor even when the code holds fences', () => {
    const code = 'const doc = `\n```js\nalert(1)\n```\n`;';
    const blocks = extractCodeBlocks(`Look:\n\n${fenceCode(code, 'javascript')}\n\nDone.`);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.code).toBe(code);
  });

  it('maps VS Code language ids to the usual fence tags', () => {
    expect(fenceLanguage('typescriptreact')).toBe('tsx');
    expect(fenceLanguage('shellscript')).toBe('sh');
    expect(fenceLanguage('plaintext')).toBe('');
    expect(fenceLanguage('rust')).toBe('rust');
  });
});
