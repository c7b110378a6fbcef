import { describe, expect, it } from "vitest";
import {
  desiredEtaMetafields,
  packBatches,
  planEtaMetafieldWrites,
  type EtaMetafieldValues,
  type EtaVariantState,
} from "./plan-eta-metafields.ts";
import type { ResolvedEta } from "./resolve-eta.ts";

const continueOos: EtaVariantState = {
  tracked: true,
  inventoryPolicy: "CONTINUE",
  available: 0,
  explicit: false,
};
const resolved = (over: Partial<ResolvedEta> = {}): ResolvedEta => ({
  eta: "2026-12-15",
  message: "From Lyon",
  source: "variant",
  overdue: false,
  shopperEta: "2026-12-15",
  ...over,
});

describe("desiredEtaMetafields", () => {
  it.each<[string, EtaVariantState, ResolvedEta, EtaMetafieldValues]>([
    [
      "backordered variant",
      continueOos,
      resolved(),
      { eta: "2026-12-15", message: "From Lyon", backordered: true },
    ],
    [
      "oversold (negative) counts as backordered",
      { ...continueOos, available: -3 },
      resolved(),
      { eta: "2026-12-15", message: "From Lyon", backordered: true },
    ],
    [
      "in stock, continue selling: ETA for the later units, not backordered",
      { ...continueOos, available: 4 },
      resolved(),
      { eta: "2026-12-15", message: "From Lyon", backordered: false },
    ],
    [
      "overdue date is never shown",
      continueOos,
      resolved({ overdue: true, shopperEta: null, eta: "2026-11-01" }),
      { eta: null, message: "From Lyon", backordered: true },
    ],
    [
      "no ETA at all",
      continueOos,
      resolved({ eta: null, shopperEta: null, message: null, source: "none" }),
      { eta: null, message: null, backordered: true },
    ],
    [
      "deny policy without explicit ETA: not managed",
      { ...continueOos, inventoryPolicy: "DENY" },
      resolved({ source: "shop" }),
      { eta: null, message: null, backordered: null },
    ],
    [
      "untracked without explicit ETA: not managed",
      { ...continueOos, tracked: false },
      resolved({ source: "shop" }),
      { eta: null, message: null, backordered: null },
    ],
    [
      "deny policy with an explicit ETA: written, never backordered",
      { ...continueOos, inventoryPolicy: "DENY", explicit: true },
      resolved(),
      { eta: "2026-12-15", message: "From Lyon", backordered: false },
    ],
  ])("%s", (_name, variant, eta, expected) => {
    expect(desiredEtaMetafields(variant, eta)).toEqual(expected);
  });
});

describe("planEtaMetafieldWrites", () => {
  const owner = "gid://shopify/ProductVariant/9007199254740993";
  const none: EtaMetafieldValues = { eta: null, message: null, backordered: null };
  it.each<[string, EtaMetafieldValues, EtaMetafieldValues, string[], string[]]>([
    [
      "nothing pushed yet",
      { eta: "2026-12-15", message: "m", backordered: true },
      none,
      ["eta", "message", "backordered"],
      [],
    ],
    [
      "unchanged writes nothing",
      { eta: "2026-12-15", message: "m", backordered: false },
      { eta: "2026-12-15", message: "m", backordered: false },
      [],
      [],
    ],
    [
      "date moved",
      { eta: "2026-12-20", message: "m", backordered: true },
      { eta: "2026-12-15", message: "m", backordered: true },
      ["eta"],
      [],
    ],
    [
      "date gone (overdue or cleared) is deleted",
      { eta: null, message: null, backordered: true },
      { eta: "2026-12-15", message: "m", backordered: true },
      [],
      ["eta", "message"],
    ],
    [
      "backordered false is a value, not a deletion",
      { eta: null, message: null, backordered: false },
      { eta: null, message: null, backordered: true },
      ["backordered"],
      [],
    ],
    [
      "unmanaged now: everything deleted",
      none,
      { eta: "2026-12-15", message: "m", backordered: false },
      [],
      ["eta", "message", "backordered"],
    ],
  ])("%s", (_name, desired, pushed, sets, deletes) => {
    const writes = planEtaMetafieldWrites(owner, desired, pushed);
    expect(writes.set.map((s) => s.key)).toEqual(sets);
    expect(writes.delete.map((d) => d.key)).toEqual(deletes);
    for (const s of writes.set) expect(s).toMatchObject({ ownerId: owner, namespace: "$app" });
  });

  it("uses the contract's types and string values", () => {
    const writes = planEtaMetafieldWrites(
      owner,
      { eta: "2026-12-15", message: "m", backordered: false },
      none,
    );
    expect(writes.set.map(({ key, type, value }) => [key, type, value])).toEqual([
      ["eta", "date", "2026-12-15"],
      ["message", "single_line_text_field", "m"],
      ["backordered", "boolean", "false"],
    ]);
  });
});

describe("packBatches", () => {
  it.each<[string, number[], number, number[][]]>([
    ["fills up to the limit", [3, 3, 3, 3, 3, 3, 3, 3, 3], 25, [[3, 3, 3, 3, 3, 3, 3, 3], [3]]],
    ["never splits an item", [10, 10, 10], 25, [[10, 10], [10]]],
    ["an item over the limit goes alone", [30, 1], 25, [[30], [1]]],
    ["empty", [], 25, []],
  ])("%s", (_name, sizes, max, expected) => {
    expect(packBatches(sizes, (n) => n, max)).toEqual(expected);
  });
});
