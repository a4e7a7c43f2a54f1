import { Observable } from 'rxjs';

/** Anything with the SDK's `on`/`off` pair (the SDK overloads them per event name). */
export interface SdkEventTarget {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  on(event: string, listener: (...args: any[]) => void): void;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  off(event: string, listener: (...args: any[]) => void): void;
}

/**
 * One SDK event as an Observable of its argument. The handler is created once per subscription
 * and the teardown passes that same reference to `off`: `off(event, () => {})` or
 * `off(event, fn.bind(this))` would remove nothing, and the listener would outlive its call
 * (docs/architecture.md, listeners).
 */
export function fromSdkEvent<T = void>(target: SdkEventTarget, event: string): Observable<T> {
  return new Observable<T>((subscriber) => {
    const handler = (args: T) => subscriber.next(args);
    target.on(event, handler);
    return () => target.off(event, handler);
  });
}
