import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSentRecorder, type SentItem } from "./sent-recorder.ts";

const item = (i: number): SentItem => ({ id: `n${i}`, messageId: `<n${i}@backorder-hub>` });

/** A write that records its items and resolves when the test says so. */
function controlledWrite() {
  const writes: { items: string[]; resolve: () => void; reject: (e: Error) => void }[] = [];
  const write = (items: SentItem[]) =>
    new Promise<void>((resolve, reject) => writes.push({ items: items.map((i) => i.id), resolve, reject }));
  return { writes, write };
}

describe("createSentRecorder", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("writes what is accepted within the linger together, once the oldest has waited it", async () => {
    const { writes, write } = controlledWrite();
    const recorder = createSentRecorder(write, { lingerMs: 20, maxBatch: 100 });
    const done = [recorder.record(item(1))];
    await vi.advanceTimersByTimeAsync(15);
    done.push(recorder.record(item(2)), recorder.record(item(3)));
    expect(writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(5);
    expect(writes.map((w) => w.items)).toEqual([["n1", "n2", "n3"]]);
    writes[0]!.resolve();
    await expect(Promise.all(done)).resolves.toBeDefined();
  });

  it("starts a write at once when maxBatch acceptances wait", async () => {
    const { writes, write } = controlledWrite();
    const recorder = createSentRecorder(write, { lingerMs: 1_000, maxBatch: 3 });
    void recorder.record(item(1));
    void recorder.record(item(2));
    expect(writes).toHaveLength(0);
    void recorder.record(item(3));
    expect(writes.map((w) => w.items)).toEqual([["n1", "n2", "n3"]]);
  });

  it("keeps one write at a time; what arrived meanwhile goes in the next, after its own linger", async () => {
    const { writes, write } = controlledWrite();
    const recorder = createSentRecorder(write, { lingerMs: 20, maxBatch: 100 });
    const first = recorder.record(item(1));
    await vi.advanceTimersByTimeAsync(20);
    expect(writes).toHaveLength(1);
    const second = recorder.record(item(2));
    await vi.advanceTimersByTimeAsync(50);
    expect(writes).toHaveLength(1); // the first write is still in flight
    const third = recorder.record(item(3));
    writes[0]!.resolve();
    await first;
    // item 2 has waited longer than the linger: written as soon as the first write is done.
    await vi.advanceTimersByTimeAsync(0);
    expect(writes.map((w) => w.items)).toEqual([["n1"], ["n2", "n3"]]);
    writes[1]!.resolve();
    await expect(Promise.all([second, third])).resolves.toBeDefined();
  });

  it("rejects every acceptance of a failed write, and later ones are written again", async () => {
    const { writes, write } = controlledWrite();
    const recorder = createSentRecorder(write, { lingerMs: 5, maxBatch: 100 });
    const failed = [recorder.record(item(1)), recorder.record(item(2))];
    await vi.advanceTimersByTimeAsync(5);
    writes[0]!.reject(new Error("database gone"));
    for (const p of failed) await expect(p).rejects.toThrow("database gone");
    const later = recorder.record(item(3));
    await vi.advanceTimersByTimeAsync(5);
    expect(writes.map((w) => w.items)).toEqual([["n1", "n2"], ["n3"]]);
    writes[1]!.resolve();
    await expect(later).resolves.toBeUndefined();
  });
});
