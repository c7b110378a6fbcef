export type CoalesceOptions = { maxInFlight?: number };

type KeyState<V> = {
  running: number;
  /** The next batch: callers who arrived after every running read started. Not started yet. */
  gathering: PromiseWithResolvers<V> | null;
  scheduled: boolean;
};

/**
 * Shares reads between concurrent callers without ever answering a caller from a read that began
 * before it asked: callers join a batch whose read starts after they all arrived (on the next
 * macrotask, or when one of the `maxInFlight` reads of the key settles). So a write committed
 * before a request was sent is always seen (what the app proxy's etaVersion check needs across
 * processes), while under load one query answers a batch of requests instead of each its own.
 * Two reads in flight per key keep the wait near one round trip instead of up to two.
 */
export function coalesceFreshReads<V>(
  load: (key: string) => Promise<V>,
  opts: CoalesceOptions = {},
): (key: string) => Promise<V> {
  const maxInFlight = opts.maxInFlight ?? 2;
  // Present only while a read of the key is gathering or in flight: bounded by the concurrency.
  const states = new Map<string, KeyState<V>>();

  const schedule = (key: string, state: KeyState<V>) => {
    if (state.scheduled || state.running >= maxInFlight) return;
    state.scheduled = true;
    setImmediate(() => {
      state.scheduled = false;
      launch(key, state);
    });
  };

  const launch = (key: string, state: KeyState<V>) => {
    const batch = state.gathering;
    if (!batch) return;
    state.gathering = null;
    state.running += 1;
    const settle = () => {
      state.running -= 1;
      if (state.gathering) schedule(key, state);
      else if (state.running === 0) states.delete(key);
    };
    // settle first, so a caller resumed by this batch starts a new one rather than finding it full
    let pending: Promise<V>;
    try {
      pending = load(key);
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending.then(
      (value) => {
        settle();
        batch.resolve(value);
      },
      (error: unknown) => {
        settle();
        batch.reject(error);
      },
    );
  };

  return (key) => {
    let state = states.get(key);
    if (!state) {
      state = { running: 0, gathering: null, scheduled: false };
      states.set(key, state);
    }
    state.gathering ??= Promise.withResolvers<V>();
    const { promise } = state.gathering;
    schedule(key, state);
    return promise;
  };
}
