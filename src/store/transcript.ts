/**
 * Pure rules for a pane's transcript when prompts can wait for a model or miss a pane: where a reply goes,
 * what history a prompt is sent with, and which prompts are still waiting.
 */
import { turnFigures, type TurnFigures } from '../metrics/figures';
import type { Message } from './types';

/**
 * The transcript with `reply` placed right after the prompt it answers (before any prompt still waiting
 * behind it); at the end when there is no such prompt.
 */
export function placeReply(
  messages: readonly Message[],
  replyTo: string | undefined,
  reply: Message,
): Message[] {
  const i = replyTo === undefined ? -1 : messages.findIndex((m) => m.id === replyTo);
  if (i < 0) return [...messages, reply];
  return [...messages.slice(0, i + 1), reply, ...messages.slice(i + 1)];
}

/** Whether the message reached this pane's model (or is a reply): not waiting, not missed. */
export const delivered = (m: Message): boolean => m.delivery === undefined;

/**
 * The conversation the model sees for prompt `userId`: everything before it that reached this pane, and the
 * prompt itself. Prompts that missed this pane, or still wait, were never part of its conversation.
 */
export function historyFor(messages: readonly Message[], userId: string): Message[] {
  const i = messages.findIndex((m) => m.id === userId);
  if (i < 0) return [];
  const before = messages.slice(0, i).filter(delivered);
  const prompt = messages[i];
  return prompt ? [...before, { ...prompt, delivery: undefined }] : before;
}

/** Ids of the prompts waiting for this pane's model, oldest first. */
export function queuedIds(messages: readonly Message[]): string[] {
  return messages.filter((m) => m.delivery?.state === 'queued').map((m) => m.id);
}

/** The last prompt that reached this pane's model, if any. */
export function lastDeliveredPrompt(messages: readonly Message[]): Message | undefined {
  return messages.findLast((m) => m.role === 'user' && delivered(m));
}

/** A finished reply's figures, as every view and export derives them (null when it has no timing record). */
export const replyFigures = (m: Message | undefined | null): TurnFigures | null =>
  m?.turn ? turnFigures({ ...m.turn, ...(m.status ? { status: m.status } : {}) }) : null;

/** The prompt that carries `promptId` in this pane, and the reply right after it (null: none yet). */
export function exchange(
  messages: readonly Message[],
  promptId: string,
): { prompt: Message | null; reply: Message | null } {
  const i = messages.findIndex((m) => m.role === 'user' && m.promptId === promptId);
  const next = i < 0 ? undefined : messages[i + 1];
  return { prompt: messages[i] ?? null, reply: next?.role === 'assistant' ? next : null };
}
