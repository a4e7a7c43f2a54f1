import { InjectionToken } from '@angular/core';
import { asyncScheduler, type SchedulerLike } from 'rxjs';

/** The part of the browser's `WebSocket` the floor uses: tests pass a fake of it. */
export interface FloorSocket {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  onclose: ((event: { readonly code: number; readonly reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export type FloorSocketFactory = (url: string) => FloorSocket;

/** Opens a socket to the floor: the browser's `WebSocket`, or a test's fake. */
export const FLOOR_SOCKET = new InjectionToken<FloorSocketFactory>('FLOOR_SOCKET', {
  providedIn: 'root',
  // The browser's handlers take its Event types; the floor reads only `data`, `code` and `reason`.
  factory: () => (url) => new WebSocket(url) as unknown as FloorSocket,
});

/** The floor's timers (token refresh, reconnection): tests drive them. */
export const FLOOR_SCHEDULER = new InjectionToken<SchedulerLike>('FLOOR_SCHEDULER', {
  providedIn: 'root',
  factory: () => asyncScheduler,
});

/** Where reconnection's jitter comes from, in [0, 1): tests fix it. */
export const FLOOR_RANDOM = new InjectionToken<() => number>('FLOOR_RANDOM', {
  providedIn: 'root',
  factory: () => Math.random,
});
