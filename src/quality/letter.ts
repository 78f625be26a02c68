/**
 * The answer letter in a model's reply to an MMLU question. Models answer "B", "B.", "(B)", "**B**",
 * "The answer is B", "Answer: B) …" and more; in that spirit, in order:
 *  1. an answer phrase: "answer is (B)", "Answer: B", "correct option is C", "choice: D";
 *  2. the reply opening with a letter: "B", "B.", "(B)", "B) 42", "C: …", "D - …" (but not the word "A");
 *  3. exactly one distinct letter in brackets or bold anywhere: "… so (C) it is".
 * Only capital A–D count. Nothing found: null, which is scored as wrong and shown as "no answer found".
 */
import type { Letter } from './types';

const PHRASE =
  /(?:[Aa]nswer|ANSWER|[Oo]ption|[Cc]hoice)\s*(?:is|would be|will be|should be)?\s*[:=-]?\s*(?:[Oo]ption|[Cc]hoice)?\s*[([]?\s*([A-D])(?![A-Za-z0-9])/;
const OPENING = /^[([]?([A-D])(?:\s*[).:\]]|\s*$|\s*\n|\s+[-–—])/;
const MARKED = /\(([A-D])\)|\*\*\(?([A-D])\)?[.)]?\*\*/g;

/** Emphasis and code marks out of the way; the letter's own brackets stay. */
function plain(reply: string): string {
  return reply.replace(/[*_`]+/g, '').trim();
}

export function extractLetter(reply: string): Letter | null {
  const text = plain(reply);
  const found = PHRASE.exec(text)?.[1] ?? OPENING.exec(text)?.[1];
  if (found) return found as Letter;
  const marked = new Set([...reply.matchAll(MARKED)].map((m) => m[1] ?? m[2]));
  if (marked.size === 1) {
    const [only] = marked;
    if (only) return only as Letter;
  }
  return null;
}
