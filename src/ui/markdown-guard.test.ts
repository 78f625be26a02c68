import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linePrefix, MARKDOWN_LIMITS, planMarkdown, type MarkdownLimits } from './markdown-guard';

const table = (cols: number, rows: number): string =>
  [
    `|${Array.from({ length: cols }, (_, i) => ` c${i} `).join('|')}|`,
    `|${'---|'.repeat(cols)}`,
    ...Array.from({ length: rows }, () => `|${' x |'.repeat(cols)}`),
  ].join('\n');

/** Markdown-ish text built from the pieces that stress a parser. */
const PIECES = [
  '> ',
  '- ',
  '* ',
  '1. ',
  '  ',
  '\n',
  '\n\n',
  '|',
  '---',
  '```',
  '~~',
  '*',
  '_',
  '[',
  '](x)',
  '# ',
  'a',
  ' ',
];
const markdownish = (maxLength: number) =>
  fc.array(fc.constantFrom(...PIECES), { maxLength }).map((parts) => parts.join(''));

describe('planMarkdown', () => {
  it('renders ordinary replies as Markdown, whole', () => {
    const text =
      '# Title\n\nSome **bold** and a [link](https://x.org).\n\n- a\n  - b\n\n> quote\n\n' + table(3, 4);
    expect(planMarkdown(text)).toEqual({ markdown: text, plain: '', reason: null });
  });

  it('shows ~3 KB of nested `>` or `- ` (it blanked the app) as plain text, with the reason', () => {
    for (const marker of ['> ', '- ', '1. ']) {
      const text = marker.repeat(1500) + 'deep';
      const plan = planMarkdown(text);
      expect(plan).toEqual({
        markdown: '',
        plain: text,
        reason: 'nests quotes or lists more than 32 levels deep',
      });
    }
  });

  it('keeps the blocks before a problem as Markdown and the rest as plain text', () => {
    const head = 'Intro **bold**.\n\n```js\nconst x = 1;\n```\n\n';
    const deep = '> '.repeat(100) + 'deep\nmore';
    const plan = planMarkdown(head + deep);
    expect(plan.markdown).toBe(head);
    expect(plan.plain).toBe(deep);
  });

  it('refuses wide and large tables before parsing', () => {
    expect(planMarkdown(table(100, 1)).reason).toBe('has a table wider than 64 columns');
    expect(planMarkdown(table(64, 10)).reason).toBeNull();
    // A 10,000-column header is too long to parse at all.
    expect(planMarkdown(table(10_000, 1000)).markdown).toBe('');
    expect(planMarkdown(table(50, 100), { ...MARKDOWN_LIMITS, chars: 1e9 }).reason).toBe(
      'has a table of more than 2,500 cells',
    );
    // Inside a quote too.
    expect(planMarkdown(table(100, 1).replace(/^/gm, '> ')).reason).toBe('has a table wider than 64 columns');
    // Not a table when the header and delimiter disagree (GFM's rule): nothing to refuse.
    expect(planMarkdown(`| a | b |\n|${'---|'.repeat(100)}`).reason).toBeNull();
  });

  it('bounds the length parsed as Markdown, cutting at a block boundary', () => {
    const para = 'word '.repeat(19) + '\n\n';
    const text = para.repeat(400);
    const plan = planMarkdown(text);
    expect(plan.reason).toBe('is longer than 20,000 characters');
    expect(plan.markdown.length).toBeLessThanOrEqual(20_000);
    expect(plan.markdown.endsWith('\n\n')).toBe(true);
    expect(plan.markdown + plan.plain).toBe(text);
  });

  it('bounds emphasis and bracket marks per paragraph and overall (their matching is quadratic)', () => {
    expect(planMarkdown('*_'.repeat(300) + 'x').reason).toBe(
      'has a paragraph with more than 500 formatting marks',
    );
    // Not reset by an ordered item that cannot interrupt a paragraph.
    expect(
      planMarkdown(`para\n${Array.from({ length: 60 }, (_, i) => `${i + 2}. ${'*_'.repeat(5)}`).join('\n')}`)
        .reason,
    ).toBe('has a paragraph with more than 500 formatting marks');
    const many = `${'**bold** '.repeat(50)}\n\n`.repeat(30);
    expect(planMarkdown(many).reason).toBe('has more than 4,000 formatting marks');
  });

  it('reads container markers and indentation', () => {
    expect(linePrefix('> > - 1. text')).toMatchObject({ depth: 4, item: true, content: 'text' });
    expect(linePrefix('    - nested')).toMatchObject({ depth: 3, bullet: true, content: 'nested' });
    expect(linePrefix('2. two')).toMatchObject({ depth: 1, bullet: false, item: true });
    expect(linePrefix('    code')).toMatchObject({ depth: 0, content: 'code' });
    expect(linePrefix('-x')).toMatchObject({ depth: 0, content: '-x' });
  });

  it('loses nothing: the Markdown part and the plain part are the reply', () => {
    fc.assert(
      fc.property(markdownish(400), (text) => {
        const plan = planMarkdown(text, SMALL);
        expect(plan.markdown + plan.plain).toBe(text);
        expect(plan.reason === null).toBe(plan.plain === '');
      }),
    );
  });

  it('the Markdown part always keeps every limit', () => {
    fc.assert(
      fc.property(markdownish(600), (text) => {
        const { markdown } = planMarkdown(text, SMALL);
        expect(planMarkdown(markdown, SMALL).reason).toBeNull();
        expect(markdown.length).toBeLessThanOrEqual(SMALL.chars);
        for (const line of markdown.split('\n'))
          expect(linePrefix(line).depth).toBeLessThanOrEqual(SMALL.depth);
      }),
    );
  });

  it('scans in linear time: a 1 MB reply is planned in well under a second', () => {
    const t = performance.now();
    planMarkdown('> - **x** | y |\n'.repeat(60_000));
    expect(performance.now() - t).toBeLessThan(1000);
  });
});

/** Small limits so generated inputs reach them. */
const SMALL: MarkdownLimits = {
  chars: 300,
  depth: 4,
  tableColumns: 3,
  tableCells: 12,
  marksPerParagraph: 10,
  marks: 40,
};
