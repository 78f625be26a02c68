import { describe, expect, it } from 'vitest';
import { mmluPrompt } from './prompt';
import type { McQuestion } from './types';

const q = (question: string, answer: number, subject = 'high_school_us_history'): McQuestion => ({
  config: 'all',
  split: 'test',
  rowIdx: 0,
  subject,
  question,
  choices: ['one', 'two', 'three', 'four'],
  answer,
});

describe('mmluPrompt', () => {
  it('writes the standard zero-shot prompt', () => {
    expect(mmluPrompt(q('Which is second?', 1))).toBe(
      'The following are multiple choice questions (with answers) about high school us history.\n\n' +
        'Which is second?\nA. one\nB. two\nC. three\nD. four\nAnswer:',
    );
  });

  it('puts the worked examples, with their answers, before the question (5-shot)', () => {
    const shots = [0, 1, 2, 3, 0].map((a, i) => q(`Shot ${i}?`, a));
    const p = mmluPrompt(q('Real?', 2), shots);
    expect(
      p.startsWith(
        'The following are multiple choice questions (with answers) about high school us history.\n\nShot 0?\nA. one',
      ),
    ).toBe(true);
    expect(p).toContain('Shot 1?\nA. one\nB. two\nC. three\nD. four\nAnswer: B\n\nShot 2?');
    expect(p).toContain('Shot 4?\nA. one\nB. two\nC. three\nD. four\nAnswer: A\n\nReal?');
    expect(p.endsWith('Real?\nA. one\nB. two\nC. three\nD. four\nAnswer:')).toBe(true);
    expect(p.match(/Answer:/g)).toHaveLength(6);
  });
});
