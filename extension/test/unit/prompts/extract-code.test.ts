import { describe, expect, it } from 'vitest';
import {
  commonIndent,
  extractCode,
  extractCodeBlocks,
  matchIndentation,
  unclosedFence,
  withEol,
} from '../../../src/prompts/extract-code.js';

describe('extractCodeBlocks', () => {
  it('finds blocks with their language and closed state', () => {
    const blocks = extractCodeBlocks(
      'Text\n```ts\nconst a = 1;\n```\nmore\n~~~python title="x"\nprint(1)\n~~~\n',
    );
    expect(blocks).toEqual([
      { language: 'ts', code: 'const a = 1;', closed: true, fence: '```' },
      { language: 'python', code: 'print(1)', closed: true, fence: '~~~' },
    ]);
  });

  it('keeps shorter fences inside a longer one as content', () => {
    const blocks = extractCodeBlocks('````md\n```js\nx()\n```\n````');
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.code).toBe('```js\nx()\n```');
  });

  it('does not close a backtick fence with tildes or an info string', () => {
    const blocks = extractCodeBlocks('```\na\n~~~\n```js\nb\n```');
    expect(blocks[0]!.code).toBe('a\n~~~\n```js\nb');
  });

  it('takes an unclosed last block up to the end (a cut-off answer)', () => {
    expect(extractCodeBlocks('Here:\n```go\nfunc main() {\n')).toEqual([
      { language: 'go', code: 'func main() {\n', closed: false, fence: '```' },
    ]);
  });

  it('handles CRLF answers and indented fences', () => {
    expect(extractCodeBlocks('  ```js\r\n  a();\r\n    b();\r\n  ```\r\n')[0]!.code).toBe('a();\n  b();');
  });
});

describe('unclosedFence', () => {
  it('gives the fence to close a block the answer left open', () => {
    expect(unclosedFence('Text\n````ts\nconst a = 1;\n')).toBe('````');
    expect(unclosedFence('~~~\nx')).toBe('~~~');
  });

  it('is undefined when every block is closed or there is none', () => {
    expect(unclosedFence('```\na\n```\nDone.')).toBeUndefined();
    expect(unclosedFence('No code.')).toBeUndefined();
  });
});

describe('extractCode', () => {
  it('takes the block in the expected language over others', () => {
    const answer = 'Run:\n```sh\nnpm test -- --watch --coverage\n```\nCode:\n```ts\nlet x = 1;\n```';
    expect(extractCode(answer, ['ts', 'typescript'])).toEqual({ code: 'let x = 1;', fenced: true });
  });

  it('takes the longest block when none is in the language', () => {
    const answer = '```\nshort\n```\n```\nthe longer one\n```';
    expect(extractCode(answer, ['rust']).code).toBe('the longer one');
  });

  it('falls back to the whole answer without fences, trimmed of blank lines', () => {
    expect(extractCode('\n\n    indented();\n\n')).toEqual({ code: '    indented();', fenced: false });
  });

  it('ignores empty blocks', () => {
    expect(extractCode('```\n\n```\n```py\nx = 1\n```', ['py']).code).toBe('x = 1');
  });

  it('keeps the indentation of the first line inside a block', () => {
    expect(extractCode('```ts\n\n    return 1;\n  }\n```').code).toBe('    return 1;\n  }');
  });
});

describe('matchIndentation', () => {
  it('adds the original indentation when the model dropped it', () => {
    const original = '    if (a) {\n      b();\n    }';
    const proposal = 'if (a) {\n  c();\n}\n\n// done';
    expect(matchIndentation(original, proposal)).toBe('    if (a) {\n      c();\n    }\n\n    // done');
  });

  it('leaves an already indented proposal alone', () => {
    expect(matchIndentation('  a();', '  b();')).toBe('  b();');
    expect(matchIndentation('\ta();', '  b();')).toBe('  b();');
  });

  it('does nothing for code at column 0', () => {
    expect(matchIndentation('a();', 'b();')).toBe('b();');
  });

  it('uses tabs when the original does', () => {
    expect(matchIndentation('\t\tx();\n\t\ty();', 'z();')).toBe('\t\tz();');
  });
});

describe('commonIndent and withEol', () => {
  it('finds the shared leading whitespace, ignoring blank lines', () => {
    expect(commonIndent('    a\n\n      b\n    c')).toBe('    ');
    expect(commonIndent('  a\n\tb')).toBe('');
  });

  it('converts line endings both ways', () => {
    expect(withEol('a\nb\r\nc', '\r\n')).toBe('a\r\nb\r\nc');
    expect(withEol('a\r\nb\rc', '\n')).toBe('a\nb\nc');
  });
});
