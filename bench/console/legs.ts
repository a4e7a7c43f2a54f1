// One event's way from the emulator to the painted screen, leg by leg: the emulator writes the
// message (in this process), the page receives it, the store commits it, the DOM shows it, and the
// next animation frame paints it.
import type { Page } from '@playwright/test';
import {
  domDone,
  expectDom,
  now,
  startRecording,
  readNotes,
  type DomCondition,
  type SentMessage,
} from './harness';

export interface Legs {
  /** Emulator's write → the page's WebSocket message event. */
  readonly wire: number;
  /** Message → the store commit of the expected action. */
  readonly toStore: number;
  /** Store commit → the DOM mutation that shows it. */
  readonly toDom: number;
  /** DOM mutation → the next animation frame. */
  readonly toPaint: number;
  /** The page's part: message → painted frame. */
  readonly page: number;
}

export interface EventUnderTest {
  /** Sets it off: a control of the emulator, or a click in the console. */
  readonly trigger: () => Promise<unknown>;
  /** The emulator's message that carries the event. */
  readonly message: (message: { type: string } & Record<string, unknown>) => boolean;
  /** The action that commits it. */
  readonly commit: RegExp;
  /** What the screen shows once it is there. */
  readonly dom: DomCondition;
}

let ids = 0;

/** Sets the event off and follows it to the painted frame. */
export async function followEvent(page: Page, sent: SentMessage[], event: EventUnderTest): Promise<Legs> {
  const id = `event-${++ids}`;
  await startRecording(page);
  await expectDom(page, id, event.dom);
  const start = now();
  await event.trigger();
  const { dom, paint } = await domDone(page, id);
  const notes = await readNotes(page);
  const written = sent.find((s) => s.t >= start && event.message(JSON.parse(s.data)));
  if (!written) throw new Error(`The emulator wrote no message for ${id} (${event.commit.source}).`);
  const received = notes.messages.find((m) => m.data === written.data);
  if (!received)
    throw new Error(`The page never received the emulator's message for ${event.commit.source}.`);
  const commit = notes.commits.find((c) => c.t >= received.t && event.commit.test(c.type));
  if (!commit) throw new Error(`No store commit matched ${event.commit.source} after the message.`);
  return {
    wire: received.t - written.t,
    toStore: commit.t - received.t,
    toDom: dom - commit.t,
    toPaint: paint - dom,
    page: paint - received.t,
  };
}
