import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIMULATED_SHOP_HEADER } from "../../simulator/constants.ts";
import { logFindings } from "./support/fault-checks.ts";
import { reportFaultRow } from "./support/fault-row.ts";
import { listApiRoutes } from "./support/fuzz-support.ts";
import { signedProxyQuery } from "./support/proxy-request.ts";
import { startFaultStack, type FaultStack, type StackShop } from "./support/start-fault-stack.ts";
import { waitFor } from "../helpers/wait-for.ts";

const CANARY = /canary/i;
let stack: FaultStack;
let a: StackShop;
let b: StackShop;
const ids = { variant: 0n, product: 0n };

beforeAll(async () => {
  stack = await startFaultStack({
    name: "tenancy",
    // Shopify grants no token for a shop the app is not installed on; the simulator reinstalls on
    // any exchange (its playground's convenience), so this test puts Shopify's rule in front.
    simRoutes: (sim) =>
      express.Router().post("/admin/oauth/access_token", (req, res, next) => {
        const shop = req.get(SIMULATED_SHOP_HEADER);
        if (shop && sim.getShop(shop)?.installed === false)
          res.status(400).json({ error: "invalid_subject_token" });
        else next();
      }),
  });
  a = await stack.installShop("Tenant Canary", (s) => {
    const created = stack.sim.createProduct(s.domain, {
      title: "Canary parka",
      variants: [{ title: "Canary / XL", price: "99.00", inventoryPolicy: "DENY", inventory: 0 }],
    });
    ids.variant = created.variants[0]!.id;
    ids.product = created.product.id;
  });
  b = await stack.installShop("Tenant Other");
  await stack.db.subscription.create({
    data: {
      shopId: a.id,
      variantId: ids.variant,
      email: "canary@shop-a.test",
      status: "ACTIVE",
      activeKey: `${ids.variant}:canary@shop-a.test`,
      confirmToken: "canary-confirm-token-000000000000",
      unsubscribeToken: "canary-unsub-token-0000000000000",
    },
  });
  await stack.db.variantEta.create({
    data: { shopId: a.id, variantId: ids.variant, etaDate: new Date("2031-01-01"), message: "Canary ETA" },
  });
});
afterAll(() => stack?.close());

/** Shop A's tenant rows: nothing shop B sends may change them. */
const snapshotA = async () =>
  JSON.stringify(
    await Promise.all([
      stack.db.shopSettings.findUnique({ where: { shopId: a.id } }),
      stack.db.variant.findMany({ where: { shopId: a.id } }),
      stack.db.product.findMany({ where: { shopId: a.id } }),
      stack.db.variantEta.findMany({ where: { shopId: a.id } }),
      stack.db.subscription.findMany({ where: { shopId: a.id } }),
      stack.db.notification.findMany({ where: { shopId: a.id } }),
      stack.db.emailTemplate.findMany({ where: { shopId: a.id } }),
    ]),
    (_k, v) => (typeof v === "bigint" ? v.toString() : v),
  );

describe("tenancy", () => {
  it("every /api route with shop B's token, aimed at shop A's data: nothing read, nothing changed", async ({
    task,
  }) => {
    const routes = listApiRoutes(stack);
    const before = await snapshotA();
    const token = await stack.sim.mintSessionToken({ shop: b.domain });
    const fill = (path: string) =>
      path.replace(/:(\w+)/g, (_m, name: string) =>
        name === "productId"
          ? String(ids.product)
          : name === "kind"
            ? "restock"
            : name === "locale"
              ? "en"
              : String(ids.variant),
      );
    const body = {
      variantIds: [String(ids.variant)],
      variantId: String(ids.variant),
      productId: String(ids.product),
      eta: "2032-02-02",
      message: "owned",
      subject: "owned",
      html: "<p>owned</p>",
      text: "owned",
      leadTimeDays: 3,
      restockThreshold: 9,
      to: "owner@shop-b.test",
      kind: "restock",
      locale: "en",
    };
    const leaks: string[] = [];
    const statuses: string[] = [];
    for (const route of routes) {
      const res = await fetch(`${stack.webUrl}/api${fill(route.path)}`, {
        method: route.method,
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: route.method === "GET" || route.method === "DELETE" ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      statuses.push(`${route.method} ${route.path} ${res.status}`);
      if (CANARY.test(text) || res.status >= 500)
        leaks.push(`${route.method} ${route.path} ${res.status}: ${text.slice(0, 120)}`);
    }
    const after = await snapshotA();
    reportFaultRow(task, {
      test: "6a tenancy /api",
      events: routes.length,
      lost: 0,
      duplicates: 0,
      fiveXx: statuses.filter((s) => / 5\d\d$/.test(s)).length,
      note: `${routes.length} routes with the other shop's token; leaks ${leaks.length}; shop A rows ${after === before ? "unchanged" : "CHANGED"}`,
    });
    expect(leaks).toEqual([]);
    expect(after).toBe(before);
  });

  it("every proxy route signed for shop B, aimed at shop A's variant: nothing read, nothing written", async ({
    task,
  }) => {
    const before = await snapshotA();
    const eta = await fetch(
      `${stack.webUrl}/proxy/eta?${signedProxyQuery(b.domain, [["variant_ids", String(ids.variant)]])}`,
    );
    const etaText = await eta.text();
    const signup = await fetch(`${stack.webUrl}/proxy/subscriptions?${signedProxyQuery(b.domain)}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Forwarded-For": "192.0.2.44" },
      body: JSON.stringify({ email: "intruder@example.com", variant_id: String(ids.variant) }),
    });
    // Shop A's own query with shop B's name swapped in: the signature no longer matches.
    const swapped = signedProxyQuery(a.domain, [["variant_ids", String(ids.variant)]]);
    swapped.set("shop", b.domain);
    const forged = await fetch(`${stack.webUrl}/proxy/eta?${swapped}`);
    reportFaultRow(task, {
      test: "6b tenancy proxy",
      events: 3,
      lost: 0,
      duplicates: 0,
      fiveXx: [eta, signup, forged].filter((r) => r.status >= 500).length,
      note: `eta ${eta.status}, signup ${signup.status}, swapped shop ${forged.status}`,
    });
    expect(CANARY.test(etaText)).toBe(false);
    expect(etaText).not.toContain("2031-01-01");
    expect([404, 422]).toContain(signup.status);
    expect(forged.status).toBe(401);
    expect(await stack.db.subscription.count({ where: { email: "intruder@example.com" } })).toBe(0);
    expect(await snapshotA()).toBe(before);
  });

  it("a session token of an uninstalled shop, or of a shop that never installed, is refused", async ({
    task,
  }) => {
    const c = await stack.installShop("Tenant Leaving");
    stack.sim.uninstallApp(c.domain);
    await stack.settleAll();
    await waitFor(async () =>
      (await stack.db.shop.findUnique({ where: { id: c.id } }))?.uninstalledAt ? true : null,
    );
    const stranger = "never-installed.myshopify.com";
    // A real shop on Shopify's side where the app is not installed.
    stack.sim.createShop({ domain: stranger, name: "Never installed" });
    stack.sim.uninstallApp(stranger);
    await stack.settleAll();
    const shopsBefore = await stack.db.shop.count();
    const results = [];
    for (const domain of [c.domain, stranger, "no-such-shop.myshopify.com"]) {
      const token = await stack.sim.mintSessionToken({ shop: domain });
      const res = await fetch(`${stack.webUrl}/api/shop`, { headers: { Authorization: `Bearer ${token}` } });
      results.push(`${domain} ${res.status}`);
    }
    const proxy = await fetch(
      `${stack.webUrl}/proxy/eta?${signedProxyQuery(c.domain, [["variant_ids", "1"]])}`,
    );
    reportFaultRow(task, {
      test: "6c uninstalled shop token",
      events: 4,
      lost: 0,
      duplicates: 0,
      fiveXx: 0,
      note: `${results.join(", ")}; proxy for the uninstalled shop ${proxy.status}`,
    });
    expect(results).toEqual([`${c.domain} 401`, `${stranger} 401`, "no-such-shop.myshopify.com 401"]);
    expect(proxy.status).toBe(404);
    expect(await stack.db.shop.count()).toBe(shopsBefore);
    expect((await stack.db.shop.findUnique({ where: { id: c.id } }))?.uninstalledAt).not.toBeNull();
  });
  it("captured logs carry no secret, token or full email address", () => {
    expect(logFindings(stack)).toEqual([]);
  });
});
