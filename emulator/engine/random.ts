/** A seeded random source (mulberry32): the same seed gives the same day of calls. */
export class Random {
  private state: number;

  constructor(seed: number = Math.floor(Math.random() * 2 ** 31)) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** `length` characters drawn from `alphabet`. */
  chars(length: number, alphabet: string): string {
    return Array.from({ length }, () => alphabet[Math.floor(this.next() * alphabet.length)]).join('');
  }

  /** A hex id shaped like the SDK's call ids (a GUID). */
  guid(): string {
    const hex = (n: number) =>
      Array.from({ length: n }, () => Math.floor(this.next() * 16).toString(16)).join('');
    return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
  }
}

/** What the world draws random numbers for; each value is the fixed constant mixed into the seed. */
const PURPOSES = {
  tokens: 0x746f6b6e,
  routing: 0x726f7574,
  scenario: 0x7363656e,
  speaking: 0x7370656b,
  /** Ids of calls, chat threads and meetings the world makes (not the queue's calls). */
  calls: 0x63616c6c,
  meetings: 0x6d656574,
  /** Who flips in a speaker storm (its own stream: a storm leaves the speaking turns as they were). */
  storms: 0x73746f72,
} as const;

export type RandomStreams = { readonly [P in keyof typeof PURPOSES]: Random };

/**
 * One stream per purpose, all derived from one seed. With a single shared stream, signing a
 * console in (a token) shifted every later draw, so `EMULATOR_SEED` could not replay a day of calls.
 */
export function randomStreams(seed: number = Math.floor(Math.random() * 2 ** 31)): RandomStreams {
  const stream = (constant: number) => new Random(mix(seed ^ constant));
  return {
    tokens: stream(PURPOSES.tokens),
    routing: stream(PURPOSES.routing),
    scenario: stream(PURPOSES.scenario),
    speaking: stream(PURPOSES.speaking),
    calls: stream(PURPOSES.calls),
    meetings: stream(PURPOSES.meetings),
    storms: stream(PURPOSES.storms),
  };
}

/**
 * murmur3's 32-bit finalizer: a bijection that scatters nearby inputs, so the streams are not
 * shifted copies of one another (mulberry32 states a step apart would be).
 */
function mix(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
