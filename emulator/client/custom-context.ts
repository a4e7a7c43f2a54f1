import { ERROR, WorldError } from '../engine/codes';
import type { CustomContextWire, HeaderWire } from '../protocol/messages';

/** The SDK's `CustomContext`, as given (only its known fields), or a clear error. */
export function readCustomContext(context: unknown): CustomContextWire | undefined {
  if (context === undefined) return undefined;
  const value = (typeof context === 'object' && context !== null ? context : undefined) as
    Record<string, unknown> | undefined;
  const bad = (what: string) => new WorldError(ERROR.invalidTarget, `A customContext ${what}.`);
  if (!value) throw bad('must be an object ({ userToUser, voipHeaders, sipHeaders })');
  const out: { -readonly [K in keyof CustomContextWire]: CustomContextWire[K] } = {};
  if (value['userToUser'] !== undefined) {
    if (typeof value['userToUser'] !== 'string') throw bad('userToUser must be a string');
    out.userToUser = value['userToUser'];
  }
  for (const key of ['xHeaders', 'sipHeaders', 'voipHeaders'] as const) {
    const headers = value[key];
    if (headers === undefined) continue;
    if (
      !Array.isArray(headers) ||
      !headers.every((h: Partial<HeaderWire>) => typeof h?.key === 'string' && typeof h.value === 'string')
    )
      throw bad(`${key} must be a list of { key, value } strings`);
    out[key] = headers.map(({ key: k, value: v }: HeaderWire) => ({ key: k, value: v }));
  }
  return out;
}
