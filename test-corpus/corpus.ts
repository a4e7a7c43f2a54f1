/**
 * Reading the bad-input corpus (this folder's JSON): its long and deep inputs are written as
 * recipes, made into text here, so the files stay small and readable.
 */

/** A long text: `times` copies of `repeat`, between `prefix` and `suffix`. */
export interface Repeated {
  readonly repeat: string;
  readonly times: number;
  readonly prefix?: string;
  readonly suffix?: string;
}

/** JSON objects nested `depth` deep: `{"a":{"a":…{}…}}`. */
export interface Nested {
  readonly nest: true;
  readonly depth: number;
}

export type CorpusText = string | Repeated | Nested;

export function corpusText(input: CorpusText): string {
  if (typeof input === 'string') return input;
  if ('nest' in input) return '{"a":'.repeat(input.depth) + '{}' + '}'.repeat(input.depth);
  return `${input.prefix ?? ''}${input.repeat.repeat(input.times)}${input.suffix ?? ''}`;
}

/** One malformed HTTP request and how it must be refused. */
export interface BadRequestEntry {
  readonly what: string;
  readonly method?: string;
  readonly path?: CorpusText;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: CorpusText;
  /** A request written on the socket as it is, for a request line or headers HTTP cannot parse. */
  readonly raw?: CorpusText;
  /** Adds a valid bearer token, so the request reaches the checks behind authentication. */
  readonly auth?: boolean;
  readonly status: number;
  /** A fragment the answer's message must contain. */
  readonly message: string;
}

/** One malformed WebSocket frame and the close that answers it. */
export interface BadFrameEntry {
  readonly what: string;
  readonly frame?: CorpusText;
  /** Base64 of a binary frame's bytes. */
  readonly binary?: string;
  /** Sent on a socket that has already signed in. */
  readonly afterHello?: boolean;
  readonly close: number;
  /** A fragment the close reason must contain. */
  readonly reason: string;
}

/** The frame's payload as the socket sends it, and whether it goes as a binary frame. */
export function framePayload(entry: BadFrameEntry): { data: string | Uint8Array; binary: boolean } {
  if (entry.binary !== undefined)
    return { data: Uint8Array.from(atob(entry.binary), (c) => c.charCodeAt(0)), binary: true };
  return { data: corpusText(entry.frame ?? ''), binary: false };
}

/** A forged or edited token, made at test time by `recipe`, and how it is refused. */
export interface ForgedTokenEntry {
  readonly recipe: string;
  readonly what: string;
  readonly code: string;
  readonly message: string;
  /** How the floor's hello refuses it, when not with 4401 and `code: message`. */
  readonly floor?: { readonly close: number; readonly reason: string };
}
