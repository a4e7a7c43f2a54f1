/**
 * ACS refuses a console's mute operations beyond 15 in 30 seconds with 429: its own mute and
 * unmute, and muting others (`participant.mute()`, `muteAllRemoteParticipants()`), counted together.
 */
export const MUTE_LIMIT = 15;
export const MUTE_WINDOW_MS = 30_000;

export class MuteThrottle {
  private readonly times = new Map<string, number[]>();

  /** Counts one operation at `now`; `false` when it is one too many (it is then not counted). */
  take(endpointId: string, now: number): boolean {
    const recent = (this.times.get(endpointId) ?? []).filter((at) => at > now - MUTE_WINDOW_MS);
    if (recent.length >= MUTE_LIMIT) {
      this.times.set(endpointId, recent);
      return false;
    }
    this.times.set(endpointId, [...recent, now]);
    return true;
  }

  forget(endpointId: string): void {
    this.times.delete(endpointId);
  }
}
