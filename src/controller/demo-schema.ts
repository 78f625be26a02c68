/**
 * The demo script as saved with the session, checked like the rest of it (session-schema.ts): a step that
 * is not a prompt is left out, one that is too long is cut to the limit, and the reader is told; a script
 * that cannot be read at all (or has no step left) is the default one.
 */
import * as v from 'valibot';
import { DEMO_LIMITS, defaultDemo } from '../store/demo';

const Step = v.pipe(v.string(), v.trim(), v.minLength(1));

export function readDemo(raw: unknown, problems: string[]): string[] {
  if (raw === undefined) return defaultDemo();
  if (!Array.isArray(raw)) {
    problems.push('The saved demo script could not be read: the default demo is used.');
    return defaultDemo();
  }
  const steps: string[] = [];
  let lost = 0;
  let cut = 0;
  for (const item of raw.slice(0, DEMO_LIMITS.steps)) {
    const r = v.safeParse(Step, item);
    if (!r.success) {
      lost++;
      continue;
    }
    if (r.output.length > DEMO_LIMITS.chars) cut++;
    steps.push(r.output.slice(0, DEMO_LIMITS.chars));
  }
  const over = Math.max(0, raw.length - DEMO_LIMITS.steps);
  if (lost + over > 0)
    problems.push(
      `${lost + over} saved demo ${lost + over === 1 ? 'step' : 'steps'} could not be read and ${lost + over === 1 ? 'was' : 'were'} left out.`,
    );
  if (cut > 0)
    problems.push(
      `${cut} saved demo ${cut === 1 ? 'step was' : 'steps were'} cut to ${DEMO_LIMITS.chars} characters.`,
    );
  if (!steps.length) {
    if (raw.length) problems.push('No saved demo step could be read: the default demo is used.');
    return defaultDemo();
  }
  return steps;
}
