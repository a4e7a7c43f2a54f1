/**
 * What checking one thing the agent typed gives: the value the SDK takes, or a sentence that says
 * exactly what is wrong with it (shown under the field, never a bare "invalid").
 */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export const valid = <T>(value: T): Parsed<T> => ({ ok: true, value });

export const invalid = <T = never>(message: string): Parsed<T> => ({ ok: false, message });
