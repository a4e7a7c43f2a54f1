import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { RefreshGrant } from './entra-grants';

/** What outlives the emulator's process: refresh tokens and sign-in sessions, by their secrets. */
export interface GrantState {
  readonly refreshTokens: ReadonlyArray<readonly [token: string, grant: RefreshGrant]>;
  readonly sessions: ReadonlyArray<readonly [sessionId: string, userKey: string]>;
}

/** Where `EntraGrants` keeps its state between runs. */
export interface GrantStore {
  load(): GrantState | undefined;
  save(state: GrantState): void;
}

const VERSION = 1;

/**
 * A JSON file (`EMULATOR_STATE_FILE`), so that MSAL's refresh tokens and the browser's session
 * cookie still work after the emulator restarts, as they do after Entra ID's. It holds secrets (the
 * tokens and session ids themselves): it is written with mode 0600, its contents are never logged,
 * and each write goes to a temporary file renamed over it, so a process killed mid-write leaves the
 * old state or the new one, never half of one. Written synchronously, before the answer that hands
 * out what it records: a process killed right after has it on disk.
 */
export class GrantFile implements GrantStore {
  constructor(private readonly path: string) {}

  load(): GrantState | undefined {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new Error(
        `The emulator's state file ${this.path} could not be read (${(error as Error).message}).`,
        {
          cause: error,
        },
      );
    }
    const state = parse(text);
    // A file from another version, or broken by hand: a fresh start, as if there were none.
    if (!state)
      console.warn(`The emulator's state file ${this.path} is not one it wrote: starting without it.`);
    return state;
  }

  save(state: GrantState): void {
    const temporary = `${this.path}.${process.pid}.tmp`;
    try {
      // A new file (`wx`), so the mode applies: never one left behind with another.
      rmSync(temporary, { force: true });
      writeFileSync(temporary, JSON.stringify({ version: VERSION, ...state }), { mode: 0o600, flag: 'wx' });
      renameSync(temporary, this.path);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
  }
}

function parse(text: string): GrantState | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const state = value as Partial<GrantState> & { version?: unknown };
  if (state?.version !== VERSION || !Array.isArray(state.refreshTokens) || !Array.isArray(state.sessions))
    return undefined;
  const isGrant = (entry: unknown): entry is [string, RefreshGrant] => {
    const [token, grant] = Array.isArray(entry) ? (entry as [unknown, Partial<RefreshGrant>]) : [];
    return (
      typeof token === 'string' &&
      typeof grant?.userKey === 'string' &&
      typeof grant.clientId === 'string' &&
      typeof grant.sessionId === 'string' &&
      typeof grant.expiresAt === 'number'
    );
  };
  const isSession = (entry: unknown): entry is [string, string] =>
    Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string';
  return { refreshTokens: state.refreshTokens.filter(isGrant), sessions: state.sessions.filter(isSession) };
}
