/**
 * The standard MMLU prompt (Hendrycks et al.'s evaluation code): a header naming the subject, then each
 * example as the question, its four lettered choices and "Answer:", followed for the worked examples
 * (5-shot: the subject's dev split, first five) by the right letter and a blank line.
 */
import { subjectWords } from './mmlu';
import { LETTERS, type McQuestion } from './types';

function example(q: McQuestion, withAnswer: boolean): string {
  const lines = [q.question, ...q.choices.map((c, i) => `${LETTERS[i] ?? '?'}. ${c}`), 'Answer:'];
  const body = lines.join('\n');
  return withAnswer ? `${body} ${LETTERS[q.answer] ?? '?'}\n\n` : body;
}

export function mmluPrompt(q: McQuestion, shots: readonly McQuestion[] = []): string {
  const header = `The following are multiple choice questions (with answers) about ${subjectWords(q.subject)}.\n\n`;
  return header + shots.map((s) => example(s, true)).join('') + example(q, false);
}
