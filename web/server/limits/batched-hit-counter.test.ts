import { afterEach, describe, expect, it } from "vitest";
import { createBatchedHitCounter, type AddHits, type BatchedHitCounter } from "./batched-hit-counter.ts";

/** A shared fixed-window store as Redis keeps it (window from the first hit), on a test clock. */
function sharedStore(clock: { ms: number }) {
  const keys = new Map<string, { count: number; endsAt: number }>();
  const calls: { key: string; hits: number }[] = [];
  const add: AddHits = async (key, windowSeconds, hits = 1) => {
    calls.push({ key, hits });
    let entry = keys.get(key);
    if (!entry || clock.ms >= entry.endsAt) {
      entry = { count: 0, endsAt: clock.ms + windowSeconds * 1000 };
      keys.set(key, entry);
    }
    entry.count += hits;
    return { count: entry.count, msUntilWindowEnd: entry.endsAt - clock.ms };
  };
  return { add, calls, keys };
}

const counters: BatchedHitCounter[] = [];
function webProcess(add: AddHits, clock: { ms: number }) {
  const counter = createBatchedHitCounter({
    add,
    windowSeconds: 60,
    flushMs: 60_000, // flushed by hand below
    maxKeys: 1_000,
    now: () => clock.ms,
  });
  counters.push(counter);
  return counter;
}
afterEach(() => {
  for (const c of counters.splice(0)) c.stop();
});

const check = (counter: BatchedHitCounter, client: string, clientLimit: number, shopLimit: number) =>
  counter.check([
    { key: `client:${client}`, limit: clientLimit },
    { key: "shop", limit: shopLimit },
  ]);

describe("createBatchedHitCounter", () => {
  it("is exact within one process and reaches the shared counter only to learn a refusal's window", async () => {
    const clock = { ms: 1_000_000 };
    const store = sharedStore(clock);
    const counter = webProcess(store.add, clock);
    const verdicts = [];
    for (let i = 0; i < 7; i += 1) verdicts.push((await check(counter, "a", 5, 100)).ok);
    expect(verdicts).toEqual([true, true, true, true, true, false, false]);
    // One call: the first refusal sent the client's six hits to learn when the window ends.
    expect(store.calls).toEqual([{ key: "client:a", hits: 6 }]);
    clock.ms += 15_000;
    expect(await check(counter, "a", 5, 100)).toEqual({ ok: false, index: 0, retryAfterSeconds: 45 });
    // A refused client was not counted against the shop: five of its hits reach the shop.
    await counter.flush();
    expect(store.keys.get("shop")!.count).toBe(5);
    expect(store.keys.get("client:a")!.count).toBe(8);
  });

  it("hears the other processes' hits when it sends its own, so a key passes its limit by one interval at most", async () => {
    const clock = { ms: 2_000_000 };
    const store = sharedStore(clock);
    const [a, b] = [webProcess(store.add, clock), webProcess(store.add, clock)];
    for (let i = 0; i < 6; i += 1) expect((await check(a, `x${i}`, 100, 10)).ok).toBe(true);
    for (let i = 0; i < 4; i += 1) expect((await check(b, `y${i}`, 100, 10)).ok).toBe(true);
    // Before a flush each process knows only its own hits: both let theirs through.
    await a.flush();
    await b.flush();
    expect(store.keys.get("shop")!.count).toBe(10);
    // b heard the total (10) when it sent its hits: the shop's next hit there is refused.
    expect(await check(b, "z", 100, 10)).toMatchObject({ ok: false, index: 1 });
    // a sent first and heard 6: it lets hits through until its next flush tells it the total.
    expect((await check(a, "z", 100, 10)).ok).toBe(true);
    await a.flush();
    expect(await check(a, "z2", 100, 10)).toMatchObject({ ok: false, index: 1 });
  });

  it("starts over when the shared window ends", async () => {
    const clock = { ms: 3_000_000 };
    const store = sharedStore(clock);
    const counter = webProcess(store.add, clock);
    for (let i = 0; i < 3; i += 1) await check(counter, "a", 2, 100);
    expect((await check(counter, "a", 2, 100)).ok).toBe(false);
    clock.ms += 60_000;
    expect((await check(counter, "a", 2, 100)).ok).toBe(true);
  });

  it("counts in the process alone, and never throws, when the shared counter cannot be reached", async () => {
    const clock = { ms: 4_000_000 };
    const failing: AddHits = async () => {
      throw new Error("ECONNREFUSED");
    };
    const counter = webProcess(failing, clock);
    await counter.flush();
    expect((await check(counter, "a", 1, 100)).ok).toBe(true);
    // Over its limit in this process: refused (with the whole window as Retry-After), never a throw.
    expect(await check(counter, "a", 1, 100)).toEqual({ ok: false, index: 0, retryAfterSeconds: 60 });
    await expect(counter.flush()).resolves.toBeUndefined();
  });
});
