/** A preset reply's check by preset id: the one entry the transcript loads on demand (presets and checks with it). */
import { checkReply } from './checks';
import { presetById } from './presets';
import type { CheckResult } from './types';

export async function checkPresetReply(
  presetId: string,
  reply: string,
): Promise<{ group: string; result: CheckResult } | null> {
  const preset = presetById(presetId);
  return preset ? { group: preset.group, result: await checkReply(preset.check, reply) } : null;
}
