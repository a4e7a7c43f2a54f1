import { InjectionToken } from '@angular/core';

/** A live call as the reload note keeps it: what a person can read, nothing that joins or rejoins it. */
export interface NotedCall {
  readonly id: string;
  /** 'queued': a 1:1 call a call queue routed to the agent. */
  readonly kind: 'oneToOne' | 'group' | 'meeting' | 'queued';
  /** As the console names it: "Casey Morgan", "a group call", "a Teams meeting". */
  readonly name: string;
  /** For a meeting, how the agent named it to join (which form): never the link, ID, passcode or thread. */
  readonly joinedBy?: 'link' | 'coordinates' | 'meetingId';
}

/** The tab's own storage: it outlives a reload of this tab, and no other tab reads it. */
export const RELOAD_NOTE_STORAGE = new InjectionToken<Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>>(
  'RELOAD_NOTE_STORAGE',
  { providedIn: 'root', factory: () => sessionStorage },
);

export const RELOAD_NOTE_KEY = 'switchboard-live-calls';

const KINDS: ReadonlySet<string> = new Set(['oneToOne', 'group', 'meeting', 'queued']);
const JOINED_BY: ReadonlySet<string> = new Set(['link', 'coordinates', 'meetingId']);

/** The note as it was written; anything else (absent, edited, from an older build) reads as no calls. */
export function parseReloadNote(text: string | null): NotedCall[] {
  if (!text) return [];
  try {
    const calls: unknown = JSON.parse(text);
    if (!Array.isArray(calls)) return [];
    return calls.flatMap((call: Partial<Record<keyof NotedCall, unknown>>) =>
      typeof call?.id === 'string' &&
      typeof call.name === 'string' &&
      typeof call.kind === 'string' &&
      KINDS.has(call.kind)
        ? [
            {
              id: call.id,
              kind: call.kind as NotedCall['kind'],
              name: call.name,
              ...(typeof call.joinedBy === 'string' &&
                JOINED_BY.has(call.joinedBy) && { joinedBy: call.joinedBy as NotedCall['joinedBy'] }),
            },
          ]
        : [],
    );
  } catch {
    return [];
  }
}
