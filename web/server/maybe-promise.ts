/** A value now, or a promise of it: what a lookup answers when a warm cache can skip the event loop. */
export type MaybePromise<T> = T | Promise<T>;

/**
 * Runs `next` on the value: at once when it is already here, after it settles when it is a promise.
 * A chain of warm lookups then costs no microtask hops (docs/ingress-performance.md, "Fourth pass").
 */
export function andThen<T, R>(value: MaybePromise<T>, next: (value: T) => MaybePromise<R>): MaybePromise<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}
