import type { DialTarget } from './dial-target';

/**
 * Where the agent hands a caller on: a Teams user or a number, a call queue (its resource account's
 * raw id, `28:orgid:…`), or the agent's consult call with the target.
 */
export type TransferDestination =
  | { readonly kind: 'participant'; readonly target: DialTarget }
  | { readonly kind: 'queue'; readonly resourceAccount: string; readonly name: string }
  | { readonly kind: 'call'; readonly callId: string; readonly name: string };
