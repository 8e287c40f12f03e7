import { describe, expect, it } from 'vitest';
import { userMessage } from '../../../src/prompts/plain-prompt.js';

describe('userMessage', () => {
  it('is plain text without images', () => {
    expect(userMessage('  Hello  ')).toEqual({ role: 'user', content: 'Hello' });
  });

  it('appends referenced code, fenced', () => {
    const message = userMessage('What does this do?', [
      { code: 'x()', languageId: 'python', fileName: 'a.py' },
    ]);
    expect(message.content).toBe('What does this do?\n\nReferenced `a.py` (python):\n\n```python\nx()\n```');
  });

  it('puts the text first and then the images as bytes', () => {
    const data = new Uint8Array([1]);
    expect(userMessage('Describe', [], [{ data, mimeType: 'image/png' }])).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: 'Describe' },
        { type: 'image', image: { kind: 'bytes', data, mimeType: 'image/png' } },
      ],
    });
  });

  it('sends only the images when there is no text', () => {
    const message = userMessage('', [], [{ data: new Uint8Array([1]), mimeType: 'image/gif' }]);
    expect(Array.isArray(message.content) && message.content.map((part) => part.type)).toEqual(['image']);
  });
});
