/**
 * Words are the UI's: src/data and src/domain answer with codes, and only
 * src/ui and the features say them, in the person's language (a phone set to
 * Spanish once showed the commands' English validation messages). This fails
 * on any English sentence in a string literal there: a capitalised word, two
 * more words, and closing punctuation. Comments do not count, nor testing/
 * folders, whose fake server answers with the real server's own words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandFailure } from './data/command-core';

const SRC = new URL('.', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const COMMENT = /\/\*[\s\S]*?\*\/|(^|[^:'"`\\])\/\/[^\n]*/g;
const STRING = /(['"`])((?:\\.|(?!\1)[^\\\n])*)\1/g;
const SENTENCE = /^[A-Z][a-z']*(?:,? [^ ]+){2,}[.!?]$/;

function sentencesIn(code: string): string[] {
  const withoutComments = code.replace(COMMENT, (_, before: string | undefined) => before ?? '');
  return [...withoutComments.matchAll(STRING)].map((m) => m[2]!).filter((text) => SENTENCE.test(text.trim()));
}

function sentencesUnder(dir: string): string[] {
  return sourceFiles(join(SRC, dir)).flatMap((file) => sentencesIn(readFileSync(file, 'utf8')).map((text) => `${relative(SRC, file)}: ${text}`));
}

describe("problems are codes, words are the UI's", () => {
  it('finds a sentence in a string, and none in a comment or a code', () => {
    expect(sentencesIn(`return invalid('Kudos can be at most 500 characters.');`)).toEqual(['Kudos can be at most 500 characters.']);
    expect(sentencesIn(`message: \`The server refused the sync: \${detail}.\``)).toHaveLength(1);
    expect(sentencesIn(`// Write something first.\n/* Pick a score. */\nreturn invalid('message_too_long');`)).toEqual([]);
  });

  it('src/data and src/domain hold no English sentence', () => {
    expect([...sentencesUnder('data'), ...sentencesUnder('domain')]).toEqual([]);
  });

  it('a command failure has no room for words (the typecheck holds this)', () => {
    const failure: CommandFailure<'message_too_long'> = {
      ok: false,
      reason: 'invalid',
      problem: 'message_too_long',
      // @ts-expect-error: a failure carries a code, never a message
      message: 'Kudos can be at most 500 characters.',
    };
    expect(failure.reason).toBe('invalid');
  });
});
