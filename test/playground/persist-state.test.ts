import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../../simulator/create-simulator.ts";
import {
  createStatePersister,
  loadStateFile,
  parseState,
  serializeState,
  type SimState,
} from "../../simulator/persist-state.ts";
import { seedDemoShop } from "../../simulator/seed-demo-shop.ts";

const SHOP = "demo-shop.myshopify.com";
const sims: Simulator[] = [];
const start = async (state?: SimState) => {
  const sim = await createSimulator({ apiKey: "k", apiSecret: "s", ...(state ? { state } : {}) });
  sims.push(sim);
  return sim;
};
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()));
});

const graphql = (sim: Simulator, token: string, query: string) =>
  fetch(`${sim.origin}/admin/api/2026-07/graphql.json`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
    body: JSON.stringify({ query }),
  });

describe("simulator state round-trip", () => {
  it.each<[string, unknown]>([
    ["an id above 2^53", 9007199254740993n],
    ["a negative bigint", -18446744073709551615n],
    ["a date", new Date("2026-11-22T10:11:12.345Z")],
    ["a string that looks like a marker", { $bigint: "12", extra: true }],
  ])("keeps %s exactly", (_name, value) => {
    const state = { version: 1, shops: [], probe: value } as unknown as SimState;
    expect((parseState(serializeState(state)) as unknown as { probe: unknown }).probe).toEqual(value);
  });

  it("restarts with the same records, app id, access tokens and no reused id", async () => {
    const first = await start();
    const seeded = seedDemoShop(first, { domain: SHOP });
    const mug = seeded.products["stoneware-mug"]!.variants[0]!;
    const order = first.placeOrder(SHOP, {
      email: "a@example.com",
      lines: [{ variantId: mug.variantId, quantity: 2 }],
    });
    const token = first.issueAccessToken(SHOP);
    const saved = parseState(serializeState(first.exportState()));

    const second = await start(saved);
    expect(second.appId).toBe(first.appId);
    expect(second.getOrder(SHOP, order.id)).toEqual(first.getOrder(SHOP, order.id));
    expect(second.getInventoryLevels(SHOP, mug.inventoryItemId)).toEqual(
      first.getInventoryLevels(SHOP, mug.inventoryItemId),
    );
    // The app keeps using the token it stored before the restart.
    const answer = await graphql(second, token, "{ shop { name } }");
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ data: { shop: { name: "Demo Shop" } } });
    expect((await graphql(second, "shpat_unknown", "{ shop { name } }")).status).toBe(401);

    const known = new Set([...saved.orders, ...saved.products, ...saved.variants].map((r) => r.id));
    const next = second.placeOrder(SHOP, {
      email: "b@example.com",
      lines: [{ variantId: mug.variantId, quantity: 1 }],
    });
    expect(known.has(next.id)).toBe(false);
    expect(next.id > order.id).toBe(true);
  });

  it("persists debounced changes to a file and reads them back", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "sim-state-"));
    const file = path.join(dir, "nested", "simulator.json");
    const sim = await start();
    seedDemoShop(sim, { domain: SHOP });
    const persister = createStatePersister({ file, read: () => sim.exportState(), debounceMs: 20 });
    expect(await loadStateFile(file)).toBeNull();
    persister.schedule();
    persister.schedule();
    await new Promise((resolve) => setTimeout(resolve, 80));
    await persister.flush();
    const loaded = await loadStateFile(file);
    expect(loaded?.products.map((p) => p.handle)).toEqual(sim.listProducts(SHOP).map((p) => p.handle));
    expect(typeof loaded?.nextId).toBe("bigint");
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("calls onChange after state-changing requests only", async () => {
    let changes = 0;
    const sim = await createSimulator({ apiKey: "k", apiSecret: "s", onChange: () => (changes += 1) });
    sims.push(sim);
    await fetch(`${sim.origin}/_sim/seed`, { method: "POST", body: "{}" });
    await fetch(`${sim.origin}/_sim/shops`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(changes).toBe(1);
  });
});
