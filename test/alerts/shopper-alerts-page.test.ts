import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signProxyParams } from "../../web/server/proxy/verify-proxy-signature.ts";
import { TEST_API_SECRET } from "../helpers/start-test-app.ts";
import { addAlert, startAlertsFixture, type AlertsFixture, type TestShop } from "./alerts-fixture.ts";

const ALICE = "9007199254740993"; // above 2^53
const BOB = "9007199254740995";

describe("shopper alerts page (/apps/backorder/alerts)", () => {
  let fx: AlertsFixture;
  let shop: TestShop;
  let ids: Record<string, string>;
  beforeAll(async () => {
    fx = await startAlertsFixture();
    shop = await fx.addShop("Page Shop");
    const parka = await shop.addVariant({ title: "Alpine {{ Parka }}", stock: 0 });
    const cap = await shop.addVariant({ title: "Trail Cap", stock: 0 });
    const add = (
      name: string,
      customerId: string,
      variantId: bigint,
      status: "ACTIVE" | "PENDING" | "NOTIFIED",
    ) => addAlert(fx.app, { shopId: shop.id, variantId, email: `${name}@example.com`, status, customerId });
    ids = {
      aliceParka: await add("alice", ALICE, parka.variantId, "ACTIVE"),
      aliceCap: await add("alice", ALICE, cap.variantId, "PENDING"),
      aliceSent: await add("alice-old", ALICE, cap.variantId, "NOTIFIED"),
      bobCap: await add("bob", BOB, cap.variantId, "ACTIVE"),
    };
  });
  afterAll(() => fx?.close());

  function proxied(path: string, customerId: string, init: RequestInit = {}) {
    const params = new URLSearchParams({
      shop: shop.domain,
      logged_in_customer_id: customerId,
      path_prefix: "/apps/backorder",
      timestamp: String(Math.floor(Date.now() / 1000)),
    });
    params.set("signature", signProxyParams(params, TEST_API_SECRET));
    return fetch(`${fx.app.url}/proxy${path}?${params}`, init);
  }
  const cancel = (customerId: string, token: string) =>
    proxied("/alerts/cancel", customerId, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token }).toString(),
    });
  const tokens = (page: string) => [...page.matchAll(/name="token" value="([^"]+)"/g)].map((m) => m[1]!);

  it("shows a logged-in customer their live alerts as Liquid, titles unable to become Liquid", async () => {
    const res = await proxied("/alerts", ALICE);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/liquid/);
    const page = await res.text();
    expect(page).toContain("Alpine &#123;&#123; Parka &#125;&#125;");
    expect(page).not.toContain("{{");
    expect(page).toContain("Trail Cap");
    expect(tokens(page)).toHaveLength(2); // the sent alert is not listed, nor Bob's
    expect(page).toContain('action="/apps/backorder/alerts/cancel"');
  });

  it("asks a guest to log in", async () => {
    const page = await (await proxied("/alerts", "")).text();
    expect(page).toContain("/account/login?return_url=%2Fapps%2Fbackorder%2Falerts");
    expect(tokens(page)).toHaveLength(0);
  });

  it("cancels the customer's own alert, and never another customer's", async () => {
    const page = await (await proxied("/alerts", ALICE)).text();
    const [first] = tokens(page);
    // Bob replaying Alice's button: the token is bound to Alice.
    expect((await cancel(BOB, first!)).status).toBe(403);
    expect((await cancel(ALICE, "forged.token")).status).toBe(403);
    const db = fx.app.deps.db;
    expect(await db.subscription.count({ where: { shopId: shop.id, status: "UNSUBSCRIBED" } })).toBe(0);

    const done = await cancel(ALICE, first!);
    expect(done.status).toBe(200);
    const after = await done.text();
    expect(after).toContain("Alert cancelled.");
    expect(tokens(after)).toHaveLength(1);
    const cancelled = await db.subscription.findMany({ where: { shopId: shop.id, status: "UNSUBSCRIBED" } });
    expect(cancelled).toHaveLength(1);
    expect([ids.aliceParka, ids.aliceCap]).toContain(cancelled[0]!.id);
    expect(cancelled[0]!.activeKey).toBeNull();
    expect(await (await cancel(ALICE, first!)).text()).toContain("already cancelled or sent");
    expect((await db.subscription.findUniqueOrThrow({ where: { id: ids.bobCap } })).status).toBe("ACTIVE");
  });

  it("refuses an unsigned request", async () => {
    expect((await fetch(`${fx.app.url}/proxy/alerts?shop=${shop.domain}`)).status).toBe(401);
  });
});
