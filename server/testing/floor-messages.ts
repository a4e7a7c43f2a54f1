/**
 * The floor's wire types for bench/ and e2e/, whose layers reach server/ but not the protocol file
 * by name (eslint.config.js): the same types, re-exported.
 */
export type { ClientMessage, FloorAgent, FloorCall, ServerMessage } from '../floor/floor-protocol';
