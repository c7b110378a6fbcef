export type InFlightGate = {
  /** A release function, or null when `key` already has `max` requests in flight. */
  tryEnter(key: string): (() => void) | null;
  inFlight(key: string): number;
};

/**
 * Requests in progress per key in this process: one shop cannot hold more than `max` of the
 * database connections at once, whatever its request rate.
 */
export function createInFlightGate(max: number): InFlightGate {
  const counts = new Map<string, number>();
  return {
    tryEnter(key) {
      const n = counts.get(key) ?? 0;
      if (n >= max) return null;
      counts.set(key, n + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (counts.get(key) ?? 1) - 1;
        if (left <= 0) counts.delete(key);
        else counts.set(key, left);
      };
    },
    inFlight: (key) => counts.get(key) ?? 0,
  };
}
