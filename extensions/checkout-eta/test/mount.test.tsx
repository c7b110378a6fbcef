// Entry wiring: render into a (fake) DOM, read stock through a strict Storefront fake,
// re-render when the stock read settles.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { StorefrontQuery, StorefrontResult } from "../src/api/eta-api.ts";
import { AVAILABILITY_QUERY } from "../src/availability/query-availability.ts";
import type { StockMode } from "../src/eta/count-later-units.ts";
import { mountLaterSummary } from "../src/ui/mount-later-summary.tsx";
import { mountLineNotice } from "../src/ui/mount-line-notice.tsx";
import {
  cartLine,
  fakeCartLineApi,
  fakeSummaryApi,
  NOW,
  VARIANT_A,
  VARIANT_B,
  VARIANT_C,
  variantMetafields,
} from "./helpers/fake-api.ts";
import { FakeElement, fakeDocument, textsOf } from "./helpers/fake-dom.ts";

function strictQuery(answer: (ids: unknown) => StorefrontResult<unknown> | Error) {
  const asked: unknown[] = [];
  const query = (async (text: string, options?: { variables?: Record<string, unknown> }) => {
    expect(text).toBe(AVAILABILITY_QUERY);
    asked.push(options?.variables?.ids);
    const result = answer(options?.variables?.ids);
    if (result instanceof Error) throw result;
    return result;
  }) as StorefrontQuery;
  return { query, asked };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));
const stock = (entries: [string, number][]) => ({
  data: { nodes: entries.map(([id, quantityAvailable]) => ({ id, quantityAvailable })) },
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
  vi.stubGlobal("document", fakeDocument);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("mountLineNotice", () => {
  it.each<[StockMode, StorefrontResult<unknown> | Error, string[]]>([
    ["before-order", stock([[VARIANT_A, 2]]), ["Backordered: 1 of 3 ships by Dec 12"]],
    ["before-order", new Error("offline"), []],
    ["after-order", stock([[VARIANT_A, -3]]), ["Backordered: ships by Dec 12"]],
  ])("%s: waits for stock, then shows the estimate", async (mode, answer, expected) => {
    const root = new FakeElement("body");
    const { query, asked } = strictQuery(() => answer);
    const api = fakeCartLineApi(cartLine(VARIANT_A, 3), {
      metafields: variantMetafields(VARIANT_A, { eta: "2026-12-12", backordered: "false" }),
    });
    mountLineNotice({ ...api, query }, mode, root as unknown as Element);
    expect(textsOf(root)).toEqual([]);
    await settle();
    expect(textsOf(root)).toEqual(expected);
    expect(asked).toEqual([[VARIANT_A]]);
  });

  it("falls back to the metafield when the stock read fails", async () => {
    const root = new FakeElement("body");
    const { query } = strictQuery(() => new Error("ACCESS_DENIED"));
    const api = fakeCartLineApi(cartLine(VARIANT_A, 3), {
      metafields: variantMetafields(VARIANT_A, { eta: "2026-12-12", backordered: "true" }),
      locale: "fr",
    });
    mountLineNotice({ ...api, query }, "before-order", root as unknown as Element);
    await settle();
    expect(textsOf(root)).toEqual(["En réapprovisionnement\u00a0: expédition d’ici le 12 déc."]);
  });

  it.each<[string, StockMode, boolean]>([
    ["order status never queries", "metafields-only", true],
    ["unmanaged variants are never queried", "before-order", false],
  ])("%s", async (_, mode, managed) => {
    const root = new FakeElement("body");
    const { query, asked } = strictQuery(() => new Error("must not be called"));
    const metafields = managed
      ? variantMetafields(VARIANT_A, { backordered: "true", eta: "2026-12-12" })
      : [];
    mountLineNotice(
      { ...fakeCartLineApi(cartLine(VARIANT_A, 1), { metafields }), query },
      mode,
      root as unknown as Element,
    );
    await settle();
    expect(asked).toEqual([]);
    expect(textsOf(root)).toEqual(managed ? ["Backordered: ships by Dec 12"] : []);
  });
});

describe("mountLaterSummary", () => {
  it("reads the stock of managed variants in one query and shows the summary", async () => {
    const root = new FakeElement("body");
    const { query, asked } = strictQuery(() =>
      stock([
        [VARIANT_A, 0],
        [VARIANT_B, 1],
      ]),
    );
    const api = fakeSummaryApi([cartLine(VARIANT_A, 1), cartLine(VARIANT_B, 3), cartLine(VARIANT_C, 5)], {
      metafields: [
        ...variantMetafields(VARIANT_A, { eta: "2026-12-12" }),
        ...variantMetafields(VARIANT_B, { eta: "2027-01-05", backordered: "false" }),
      ],
      locale: "de",
    });
    mountLaterSummary({ ...api, query }, root as unknown as Element);
    expect(textsOf(root)).toEqual([]);
    await settle();
    expect(asked).toEqual([[VARIANT_A, VARIANT_B]]);
    expect(textsOf(root)).toEqual(["3 Artikel werden später versandt, der letzte bis 5. Jan. 2027"]);
    expect(textsOf(root, "s-banner")).toHaveLength(1);
  });
});
