import { describe, expect, it } from 'vitest';
import { followupsFor, readMetadata } from '../../../src/features/chat/chat-result.js';

describe('followupsFor', () => {
  it('suggests /tests and /doc after /explain', () => {
    expect(followupsFor({ command: 'explain' }).map((followup) => followup.command)).toEqual([
      'tests',
      'doc',
    ]);
  });

  it('suggests /models after an error, whatever the command', () => {
    expect(followupsFor({ command: 'explain', error: true })).toEqual([
      { prompt: '', label: 'Show the models I can use', command: 'models' },
    ]);
  });

  it('suggests nothing after other answers', () => {
    expect(followupsFor({ command: 'fix' })).toEqual([]);
    expect(followupsFor({})).toEqual([]);
    expect(followupsFor(undefined)).toEqual([]);
  });
});

describe('readMetadata', () => {
  it('keeps only well-typed fields', () => {
    expect(readMetadata({ command: 'cost', error: 'yes', model: 42 })).toEqual({ command: 'cost' });
    expect(readMetadata({ error: true, model: 'a/b' })).toEqual({ error: true, model: 'a/b' });
    expect(readMetadata(undefined)).toEqual({});
  });
});
