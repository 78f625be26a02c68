/**
 * Before a reply is parsed as Markdown: a linear scan that decides how much of it the parser may see.
 * The Markdown pipeline (micromark, mdast, hast, React) recurses once per nesting level and spends
 * superlinear time on some inputs, so a reply of ~3 KB of nested `>` or `- ` overflowed the stack and a
 * very wide table ran out of memory. Whatever passes these limits renders in bounded time; from the first
 * block that does not, the reply is shown as plain text, with the reason.
 */

export interface MarkdownLimits {
  /** Characters parsed as Markdown; a longer reply continues as plain text. */
  chars: number;
  /** Block quotes and lists nested in each other. */
  depth: number;
  tableColumns: number;
  tableCells: number;
  /** Emphasis, strikethrough and link brackets in one paragraph (their matching is quadratic)… */
  marksPerParagraph: number;
  /** …and in the whole part parsed as Markdown, should a paragraph boundary be misjudged. */
  marks: number;
}

export const MARKDOWN_LIMITS: MarkdownLimits = {
  chars: 20_000,
  depth: 32,
  tableColumns: 64,
  tableCells: 2_500,
  marksPerParagraph: 500,
  marks: 4_000,
};

export interface MarkdownPlan {
  /** The part rendered as Markdown ('' when none is). */
  markdown: string;
  /** The rest, shown as plain text ('' when all of it is Markdown). */
  plain: string;
  /** Why some of it is plain text, worded to follow "this reply …"; null when none is. */
  reason: string | null;
}

interface LinePrefix {
  /** Estimated container depth: quote and list markers, plus indentation when there are markers. */
  depth: number;
  /** The line starts a list item that can interrupt a paragraph (a bullet, or `1.` / `1)`). */
  bullet: boolean;
  /** The line starts any list item. */
  item: boolean;
  /** What follows the container markers. */
  content: string;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isGap(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\t' || c === '\r';
}

/** Reads the container markers (`>`, `-`, `*`, `+`, `1.`, `1)`) and indentation at the start of a line. */
export function linePrefix(line: string): LinePrefix {
  let i = 0;
  let markers = 0;
  let columns = 0;
  let bullet = false;
  let item = false;
  while (i < line.length) {
    const c = line[i];
    if (c === ' ' || c === '\t') {
      columns += c === '\t' ? 4 : 1;
      i++;
    } else if (c === '>') {
      markers++;
      i++;
    } else if ((c === '-' || c === '*' || c === '+') && isGap(line[i + 1])) {
      markers++;
      bullet = item = true;
      i++;
    } else if (isDigit(c)) {
      let j = i;
      while (j - i < 9 && isDigit(line[j])) j++;
      if ((line[j] !== '.' && line[j] !== ')') || !isGap(line[j + 1])) break;
      markers++;
      item = true;
      if (line.slice(i, j) === '1') bullet = true;
      i = j + 1;
    } else break;
  }
  // Lists also nest by indentation (two or more columns a level), counted only where markers are; the
  // one space each marker needs is not indentation.
  const depth = markers > 0 ? markers + Math.floor(Math.max(0, columns - markers) / 2) : 0;
  return { depth, bullet, item, content: line.slice(i) };
}

const FENCE = /^(`{3,}|~{3,})/;
const HEADING = /^#{1,6}(?:[ \t]|$)/;
const DELIMITER_CELL = /^\s*:?-+:?\s*$/;
const MARKS = /[*_~[\]]/g;

/** The cells of a table row: split on pipes that are not escaped, outer pipes dropped. */
function tableCells(content: string): string[] {
  const t = content
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return t.split(/(?<!\\)\|/);
}

/** Column count of a GFM table delimiter row (`| --- | :-: |`), or 0 when the line is not one. */
function delimiterColumns(content: string): number {
  if (!content.includes('-')) return 0;
  const cells = tableCells(content);
  return cells.every((c) => DELIMITER_CELL.test(c)) ? cells.length : 0;
}

/**
 * Finds the first line that breaks a limit, and the last block boundary before it. Every check applies
 * to every line, fenced code included: a guess about where a fence ends can be wrong, a check cannot be
 * skipped because of it. Fences only keep the cut out of the middle of a code block.
 */
function scan(text: string, lim: MarkdownLimits): { reason: string | null; cut: number } {
  let fence: string | null = null;
  let blockStart = 0;
  let prev = '';
  // The previous line started a list item (in the parser's view, not only by its look).
  let prevItem = false;
  let prevBlank = true;
  let table: { columns: number; cells: number; depth: number } | null = null;
  let marks = 0;
  let allMarks = 0;
  for (let start = 0; start < text.length;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl + 1;
    const line = text.slice(start, nl === -1 ? text.length : nl);
    const stop = (reason: string) => ({ reason, cut: blockStart });
    if (end > lim.chars) return stop(`is longer than ${lim.chars.toLocaleString('en')} characters`);
    const { depth, bullet, item, content } = linePrefix(line);
    if (depth > lim.depth) return stop(`nests quotes or lists more than ${lim.depth} levels deep`);
    const open = FENCE.exec(content)?.[1];
    if (open && fence === null && !(open.startsWith('`') && content.slice(open.length).includes('`'))) {
      fence = open;
      blockStart = start;
    } else if (open && fence !== null && open[0] === fence[0] && open.length >= fence.length) fence = null;
    const blank = content.trim() === '';
    if (blank && fence === null) blockStart = end;
    // A table: a header row, then a delimiter row with as many cells; it runs to a blank line or a block.
    const columns = delimiterColumns(content);
    if (blank || item || HEADING.test(content) || (table && table.depth !== depth)) table = null;
    else if (table) table.cells += table.columns;
    else if (columns > 0 && prev.includes('|') && tableCells(prev).length === columns)
      table = { columns, cells: 2 * columns, depth };
    if (table && table.columns > lim.tableColumns)
      return stop(`has a table wider than ${lim.tableColumns} columns`);
    if (table && table.cells > lim.tableCells)
      return stop(`has a table of more than ${lim.tableCells.toLocaleString('en')} cells`);
    // Where a new inline context starts (a paragraph cannot run across these), the count starts again.
    // An ordered item other than `1.` cannot interrupt a paragraph; it starts one only in a list.
    const startsItem: boolean = bullet || (item && (prevItem || prevBlank));
    if (blank || startsItem || table || HEADING.test(content)) marks = 0;
    const here = content.match(MARKS)?.length ?? 0;
    marks += here;
    allMarks += here;
    if (marks > lim.marksPerParagraph)
      return stop(`has a paragraph with more than ${lim.marksPerParagraph} formatting marks`);
    if (allMarks > lim.marks) return stop(`has more than ${lim.marks.toLocaleString('en')} formatting marks`);
    prev = content;
    prevItem = startsItem;
    prevBlank = blank;
    start = end;
  }
  return { reason: null, cut: text.length };
}

export function planMarkdown(text: string, limits: MarkdownLimits = MARKDOWN_LIMITS): MarkdownPlan {
  const { reason, cut } = scan(text, limits);
  if (reason === null) return { markdown: text, plain: '', reason: null };
  return { markdown: text.slice(0, cut), plain: text.slice(cut), reason };
}
