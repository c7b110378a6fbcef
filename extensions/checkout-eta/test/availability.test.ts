import { effect } from "@preact/signals";
import { describe, expect, it } from "vitest";
import type { StorefrontQuery, StorefrontResult } from "../src/api/eta-api.ts";
import { createAvailabilityStore } from "../src/availability/create-availability-store.ts";
import { AVAILABILITY_QUERY, queryAvailability } from "../src/availability/query-availability.ts";
import { VARIANT_A, VARIANT_B, VARIANT_C } from "./helpers/fake-api.ts";

interface Call {
  query: string;
  ids: unknown;
}

/** A strict Storefront fake: only our query, answered from a script of results. */
function fakeQuery(results: (StorefrontResult<unknown> | Error | "hang")[]) {
  const calls: Call[] = [];
  const query = (async (text: string, options?: { variables?: Record<string, unknown> }) => {
    if (text !== AVAILABILITY_QUERY) throw new Error(`unexpected query ${text}`);
    calls.push({ query: text, ids: options?.variables?.ids });
    const next = results.shift();
    if (next === undefined) throw new Error("unexpected extra query");
    if (next === "hang") return new Promise(() => {});
    if (next instanceof Error) throw next;
    return next;
  }) as StorefrontQuery;
  return { query, calls, results };
}

describe("queryAvailability", () => {
  it.each<[string, StorefrontResult<unknown>, Record<string, number>]>([
    [
      "numbers per variant, negatives kept",
      {
        data: {
          nodes: [
            { id: VARIANT_A, quantityAvailable: 2 },
            { id: VARIANT_B, quantityAvailable: -3 },
          ],
        },
      },
      { [VARIANT_A]: 2, [VARIANT_B]: -3 },
    ],
    [
      "null quantity (no inventory scope) and missing nodes are unknown",
      {
        data: { nodes: [{ id: VARIANT_A, quantityAvailable: null }, null] },
        errors: [{ message: "ACCESS_DENIED" }],
      },
      {},
    ],
    ["no data", { errors: [{ message: "boom" }] }, {}],
    [
      "ids we did not ask for are ignored",
      { data: { nodes: [{ id: VARIANT_C, quantityAvailable: 1 }] } },
      {},
    ],
    ["non-integer quantity is ignored", { data: { nodes: [{ id: VARIANT_A, quantityAvailable: "2" }] } }, {}],
  ])("%s", async (_, result, expected) => {
    const fake = fakeQuery([result]);
    const available = await queryAvailability(fake.query, [VARIANT_A, VARIANT_B]);
    expect(Object.fromEntries(available)).toEqual(expected);
    expect(fake.calls).toEqual([{ query: AVAILABILITY_QUERY, ids: [VARIANT_A, VARIANT_B] }]);
  });

  it("sends nothing for no variants", async () => {
    const fake = fakeQuery([]);
    expect((await queryAvailability(fake.query, [])).size).toBe(0);
    expect(fake.calls).toEqual([]);
  });
});

describe("createAvailabilityStore", () => {
  it("marks variants pending, then settles them; asks once per variant", async () => {
    const fake = fakeQuery([
      { data: { nodes: [{ id: VARIANT_A, quantityAvailable: 1 }] } },
      { data: { nodes: [{ id: VARIANT_B, quantityAvailable: 0 }] } },
    ]);
    const store = createAvailabilityStore(fake.query);
    const seen: string[] = [];
    const stop = effect(() => {
      const { pending, available } = store.state.value;
      seen.push(`pending=${[...pending].length} known=${[...available.keys()].length}`);
    });
    const first = store.request([VARIANT_A, VARIANT_A]);
    expect(store.state.value.pending.has(VARIANT_A)).toBe(true);
    await first;
    await store.request([VARIANT_A, VARIANT_B]);
    stop();
    expect(Object.fromEntries(store.state.value.available)).toEqual({ [VARIANT_A]: 1, [VARIANT_B]: 0 });
    expect(store.state.value.pending.size).toBe(0);
    expect(fake.calls.map((call) => call.ids)).toEqual([[VARIANT_A], [VARIANT_B]]);
    expect(seen).toEqual([
      "pending=0 known=0",
      "pending=1 known=0",
      "pending=0 known=1",
      "pending=1 known=1",
      "pending=0 known=2",
    ]);
  });

  it.each<[string, Error | "hang"]>([
    ["a failed query", new Error("network down")],
    ["a query that never answers", "hang"],
  ])("settles with no stock data after %s", async (_, outcome) => {
    const fake = fakeQuery([outcome]);
    const store = createAvailabilityStore(fake.query, 20);
    await store.request([VARIANT_A]);
    expect(store.state.value.pending.size).toBe(0);
    expect(store.state.value.available.size).toBe(0);
  });
});
