import { describe, expect, it } from "vitest";
import { coalesceFreshReads } from "./coalesce-fresh-reads.ts";

/** A load whose calls the test settles by hand; each call answers its own sequence number. */
function manualLoad() {
  const calls: { key: string; seq: number; settle: (fail?: Error) => void }[] = [];
  const load = (key: string) =>
    new Promise<number>((resolve, reject) => {
      const seq = calls.length + 1;
      calls.push({ key, seq, settle: (fail) => (fail ? reject(fail) : resolve(seq)) });
    });
  return { calls, load };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("coalesceFreshReads", () => {
  it("answers callers of one tick with one read, and other keys with their own", async () => {
    const { calls, load } = manualLoad();
    const read = coalesceFreshReads(load);
    const answers = Promise.all([read("a"), read("a"), read("a"), read("b")]);
    await tick();
    expect(calls.map((c) => c.key)).toEqual(["a", "b"]);
    calls.forEach((c) => c.settle());
    expect(await answers).toEqual([1, 1, 1, 2]);
  });

  it.each([
    [1, 1],
    [2, 2],
  ])(
    "never answers a caller with a read that started before it asked (maxInFlight %i)",
    async (maxInFlight, runningBeforeFirstSettles) => {
      const { calls, load } = manualLoad();
      const read = coalesceFreshReads(load, { maxInFlight });
      const early = read("a");
      await tick();
      expect(calls).toHaveLength(1);
      const late = [read("a"), read("a")];
      await tick();
      // The late callers get a read of their own: at once when a slot is free, else after the first.
      expect(calls).toHaveLength(runningBeforeFirstSettles);
      calls[0]!.settle();
      expect(await early).toBe(1);
      await tick();
      expect(calls).toHaveLength(2);
      calls[1]!.settle();
      expect(await Promise.all(late)).toEqual([2, 2]);
    },
  );

  it("keeps at most maxInFlight reads of a key running", async () => {
    const { calls, load } = manualLoad();
    const read = coalesceFreshReads(load, { maxInFlight: 2 });
    const pending: Promise<number>[] = [];
    for (let i = 0; i < 5; i++) {
      pending.push(read("a"));
      await tick();
    }
    expect(calls).toHaveLength(2);
    calls[0]!.settle();
    await tick(); // the settled read frees its slot...
    await tick(); // ...and the queued batch starts on the next macrotask
    expect(calls).toHaveLength(3); // the callers queued meanwhile share one read
    calls[1]!.settle();
    calls[2]!.settle();
    expect(await Promise.all(pending)).toEqual([1, 2, 3, 3, 3]);
  });

  it("rejects the callers of a failed read and starts afresh for the next caller", async () => {
    const { calls, load } = manualLoad();
    const read = coalesceFreshReads(load);
    const failed = Promise.allSettled([read("a"), read("a")]);
    await tick();
    calls[0]!.settle(new Error("connection refused"));
    expect((await failed).map((r) => r.status)).toEqual(["rejected", "rejected"]);
    const next = read("a");
    await tick();
    calls[1]!.settle();
    expect(await next).toBe(2);
  });
});
