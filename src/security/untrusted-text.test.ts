import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  displayPart,
  safeDecodeURIComponent,
  stripInvisible,
  truncate,
  visibleLength,
} from './untrusted-text';

const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

describe('safeDecodeURIComponent', () => {
  it('keeps a malformed escape as written and decodes the well-formed ones around it', () => {
    expect(() => decodeURIComponent('model%E0%A4.gguf')).toThrow(URIError);
    expect(safeDecodeURIComponent('model%E0%A4.gguf')).toBe('model%E0%A4.gguf');
    expect(safeDecodeURIComponent('caf%C3%A9 %E0%A4 100%')).toBe('café %E0%A4 100%');
    expect(safeDecodeURIComponent('a%20b')).toBe('a b');
  });

  it('never throws, and equals decodeURIComponent wherever that succeeds', () => {
    const escapes = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.stringMatching(/^(%[0-9A-Fa-f]{0,2}|[a-z])*$/),
    );
    fc.assert(
      fc.property(escapes, (s) => {
        const out = safeDecodeURIComponent(s);
        let expected: string | null = null;
        try {
          expected = decodeURIComponent(s);
        } catch {
          /* malformed */
        }
        if (expected !== null) expect(out).toBe(expected);
        else expect(typeof out).toBe('string');
      }),
    );
  });

  it('round-trips anything encodeURIComponent produced', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(safeDecodeURIComponent(encodeURIComponent(s))).toBe(s);
      }),
    );
  });
});

describe('stripInvisible', () => {
  it('removes bidi overrides, isolates, zero-width and control characters', () => {
    expect(stripInvisible('evil\u202Efgg.gguf')).toBe('evilfgg.gguf');
    expect(stripInvisible('a\u2066b\u2069c\u200Bd\u0000e\u009Bf\u2028g\uFEFF')).toBe('abcdefg');
  });

  it('leaves no invisible character in any string and keeps every visible one', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = stripInvisible(s);
        expect(INVISIBLE.test(out)).toBe(false);
        expect(
          Array.from(s)
            .filter((c) => !INVISIBLE.test(c))
            .join(''),
        ).toBe(out);
      }),
    );
  });
});

describe('displayPart', () => {
  it('is bounded, visible-only and never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 2, max: 200 }), (s, max) => {
        const out = displayPart(s, max);
        expect(visibleLength(out)).toBeLessThanOrEqual(max);
        expect(INVISIBLE.test(out)).toBe(false);
      }),
    );
  });

  it('decodes before stripping, so an escaped override is removed too', () => {
    expect(displayPart('%E2%80%AEfgg.gguf')).toBe('fgg.gguf');
    expect(truncate('abcdef', 4)).toBe('abc…');
  });
});
