import { describe, expect, it } from 'vitest';
import { DEMO_LIMITS, defaultDemo } from '../store/demo';
import { readDemo } from './demo-schema';
import { readSavedSession } from './session-schema';

describe('the saved demo script', () => {
  it('keeps a valid script as it is', () => {
    const problems: string[] = [];
    expect(readDemo(['One.', 'Two.'], problems)).toEqual(['One.', 'Two.']);
    expect(problems).toEqual([]);
  });

  it('is the default in a session saved before it existed, silently', () => {
    const problems: string[] = [];
    expect(readDemo(undefined, problems)).toEqual(defaultDemo());
    expect(problems).toEqual([]);
    expect(readSavedSession({}).session.demo).toEqual(defaultDemo());
  });

  it('leaves out steps that are not prompts, and says so', () => {
    const problems: string[] = [];
    expect(readDemo(['One.', 7, '   ', null, { text: 'x' }, 'Two.'], problems)).toEqual(['One.', 'Two.']);
    expect(problems).toEqual(['4 saved demo steps could not be read and were left out.']);
  });

  it('cuts overlong steps and drops steps beyond the limit', () => {
    const problems: string[] = [];
    const long = 'x'.repeat(DEMO_LIMITS.chars + 10);
    const raw = [long, ...Array.from({ length: DEMO_LIMITS.steps + 2 }, (_, i) => `s${i}`)];
    const out = readDemo(raw, problems);
    expect(out).toHaveLength(DEMO_LIMITS.steps);
    expect(out[0]).toHaveLength(DEMO_LIMITS.chars);
    expect(problems).toEqual([
      '3 saved demo steps could not be read and were left out.',
      `1 saved demo step was cut to ${DEMO_LIMITS.chars} characters.`,
    ]);
  });

  it('falls back to the default when nothing can be read', () => {
    const a: string[] = [];
    expect(readDemo('not a list', a)).toEqual(defaultDemo());
    expect(a).toEqual(['The saved demo script could not be read: the default demo is used.']);
    const b: string[] = [];
    expect(readDemo([1, 2], b)).toEqual(defaultDemo());
    expect(b).toContain('No saved demo step could be read: the default demo is used.');
    // Through the whole session reader too: the problem reaches the reader.
    expect(readSavedSession({ demo: 42 }).problems).toContain(
      'The saved demo script could not be read: the default demo is used.',
    );
  });
});
