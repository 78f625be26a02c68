import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractLetter } from './letter';
import { LETTERS } from './types';

describe('extractLetter', () => {
  it.each([
    ['B', 'B'],
    ['B.', 'B'],
    ['(B)', 'B'],
    ['**B**', 'B'],
    ['The answer is B', 'B'],
    ['The answer is (B)', 'B'],
    ['Answer: B) 42', 'B'],
    ['The correct answer is **C. Mitochondria**', 'C'],
    ['The best answer is: D', 'D'],
    ['A', 'A'],
    ['A. Paris', 'A'],
    ['C\n\nExplanation: because…', 'C'],
    ['D - none of the above', 'D'],
    ['I would pick (C) here.', 'C'],
    ['The answer is not A; the answer is B.', 'B'],
    ['  b ) lowercase is not a letter answer', null],
    ['A good question. I am not sure.', null],
    ['Both (A) and (B) seem plausible.', null],
    ['I cannot answer that.', null],
    ['The answer is Because of gravity', null],
    ['', null],
  ])('%j → %s', (reply, letter) => {
    expect(extractLetter(reply)).toBe(letter);
  });

  const letter = fc.constantFrom(...LETTERS);
  const wrappers = [
    (l: string) => l,
    (l: string) => `${l}.`,
    (l: string) => `(${l})`,
    (l: string) => `**${l}**`,
    (l: string) => `The answer is ${l}`,
    (l: string) => `The answer is (${l}).`,
    (l: string) => `Answer: ${l}) something`,
    (l: string) => `**Answer: ${l}**`,
    (l: string) => `${l}) text`,
  ];

  it('finds the letter in every accepted form, whatever follows it', () => {
    fc.assert(
      fc.property(
        letter,
        fc.constantFrom(...wrappers),
        fc.string({ unit: fc.constantFrom(' ', 'x', 'y', '.', '\n', 'é') }),
        (l, wrap, tail) => extractLetter(`${wrap(l)}\n${tail}`) === l,
      ),
    );
  });

  it('never invents a letter from text without a capital A–D', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/[A-D]/.test(s)),
        (s) => extractLetter(s) === null,
      ),
    );
  });

  it('never throws, whatever the reply', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const r = extractLetter(s);
        return r === null || LETTERS.includes(r);
      }),
    );
  });
});
