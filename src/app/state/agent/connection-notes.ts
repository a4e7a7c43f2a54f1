import type { CallDirection } from '@azure/communication-calling';
import { describeCallEnd } from '../../calling/outbound-codes';
import type { CallSnapshot, ConversationKind, EndReason, Party } from '../../model/snapshots';

/**
 * What the console needs to say what became of a call after the connection came back: its kind and
 * who it is with, as the calls feature names it. Ended calls leave the calls feature at once, so the
 * connection keeps its own note of each live call.
 */
export interface CallNote {
  readonly id: string;
  readonly kind: ConversationKind;
  readonly direction: CallDirection;
  readonly counterpart: Party | null;
}

/** A call that was live when the connection was lost; `ended`: how it ended, in words, if it did. */
export interface LostCall extends CallNote {
  readonly ended: string | null;
}

export interface ConnectionNotes {
  readonly calls: Readonly<Record<string, CallNote>>;
  /** Since the connection was lost: the calls that were live then. Null while connected. */
  readonly lost: readonly LostCall[] | null;
  /** The connection came back: what became of each call that was live when it was lost. */
  readonly backOnline: readonly LostCall[] | null;
}

/** How long "Back online." and what became of the calls stay on screen, unless dismissed. */
export const BACK_ONLINE_NOTICE_MS = 30_000;

export const noNotes: ConnectionNotes = { calls: {}, lost: null, backOnline: null };

/** ACS ends a call with 496 when its endpoint lost the network for good (docs/acs-codes.md). */
const NETWORK_LOST_CODE = 496;

export function noteCall(notes: ConnectionNotes, call: CallSnapshot): ConnectionNotes {
  const counterpart = call.direction === 'Incoming' && call.caller.identity ? call.caller : null;
  const note: CallNote = { id: call.id, kind: call.kind, direction: call.direction, counterpart };
  return { ...notes, calls: { ...notes.calls, [call.id]: note } };
}

export function updateNote(
  notes: ConnectionNotes,
  id: string,
  change: (note: CallNote) => Partial<CallNote> | null,
): ConnectionNotes {
  const note = notes.calls[id];
  const changes = note && change(note);
  if (!note || !changes) return notes;
  const { [id]: _previous, ...others } = notes.calls;
  const updated = { ...note, ...changes };
  return { ...notes, calls: { ...others, [updated.id]: updated } };
}

/** The first participant of a 1:1 call is who it is with (as the calls feature has it). */
export const withFirstParticipant =
  (first: Party | undefined) =>
  (note: CallNote): Partial<CallNote> | null =>
    note.counterpart || note.kind !== 'oneToOne' || !first
      ? null
      : { counterpart: { identity: first.identity, displayName: first.displayName } };

/** The directory named a Teams user the SDK left unnamed. */
export function nameParticipant(notes: ConnectionNotes, rawId: string, displayName: string): ConnectionNotes {
  const named = (note: CallNote): CallNote =>
    note.counterpart?.identity?.rawId === rawId && !note.counterpart.displayName
      ? { ...note, counterpart: { ...note.counterpart, displayName } }
      : note;
  return {
    ...notes,
    calls: Object.fromEntries(Object.entries(notes.calls).map(([id, note]) => [id, named(note)])),
    lost: notes.lost?.map((call) => ({ ...call, ...named(call) })) ?? null,
  };
}

/** The connection was lost: the calls live now are the ones to account for when it comes back. */
export function connectionLost(notes: ConnectionNotes): ConnectionNotes {
  if (notes.lost) return notes;
  return {
    ...notes,
    lost: Object.values(notes.calls).map((note) => ({ ...note, ended: null })),
    backOnline: null,
  };
}

/**
 * A call ended. While the connection is lost, what became of it is kept for "Back online."; a call
 * ended by a lost network (496) means the connection is lost, even before the SDK says so.
 */
export function callEnded(notes: ConnectionNotes, id: string, reason: EndReason | null): ConnectionNotes {
  const note = notes.calls[id];
  const { [id]: _ended, ...calls } = notes.calls;
  const lost = reason?.code === NETWORK_LOST_CODE ? connectionLost(notes).lost : notes.lost;
  if (!note || !lost) return { ...notes, calls };
  const ended = describeCallEnd(note.direction, reason, note.counterpart?.displayName ?? null);
  return {
    ...notes,
    calls,
    lost: lost.map((call) => (call.id === id ? { ...call, ended } : call)),
  };
}

/** The connection is back: time to say what became of each call. */
export function connectionBack(notes: ConnectionNotes): ConnectionNotes {
  return notes.lost ? { ...notes, lost: null, backOnline: notes.lost } : notes;
}
