import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signProxyParams } from "../../web/server/proxy/verify-proxy-signature.ts";
import { startAdminApp, type AdminTestApp } from "../admin/helpers/start-admin-app.ts";
import { TEST_API_SECRET } from "../helpers/start-test-app.ts";

const FLOODER = "rl-flooder.myshopify.com";
const QUIET = "rl-quiet.myshopify.com";

function etaUrl(base: string, shop: string, variantIds = "1") {
  const query = {
    shop,
    logged_in_customer_id: "",
    path_prefix: "/apps/backorder",
    timestamp: String(Math.floor(Date.now() / 1000)),
    variant_ids: variantIds,
  };
  return `${base}/proxy/eta?${new URLSearchParams({ ...query, signature: signProxyParams(query, TEST_API_SECRET) })}`;
}

describe("rate limits on /api and /proxy/eta", () => {
  let app: AdminTestApp;
  beforeAll(async () => {
    app = await startAdminApp({
      env: {
        API_RATE_LIMIT_PER_MINUTE: "8",
        API_MAX_IN_FLIGHT_PER_SHOP: "2",
        PROXY_ETA_LIMIT_PER_CLIENT_PER_MINUTE: "5",
        PROXY_ETA_LIMIT_PER_SHOP_PER_MINUTE: "8",
      },
    });
    await app.installShop(FLOODER);
    await app.installShop(QUIET);
  });
  afterAll(() => app?.close());

  it("/api: over the per-minute limit a shop gets 429 with Retry-After; another shop is served", async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 10; i += 1) {
      last = await app.api(FLOODER, "/shop");
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(200));
    expect(statuses.slice(8)).toEqual([429, 429]);
    const retryAfter = Number(last!.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await last!.json()).toMatchObject({ error: "rate_limited" });
    expect((await app.api(QUIET, "/shop")).status).toBe(200);
  });

  it("/api: a shop cannot hold more requests in flight than its share", async () => {
    const shop = "rl-burst.myshopify.com";
    await app.installShop(shop);
    const token = await app.token(shop);
    // Twenty at once: at most two run, the others are refused at once (no database work for them).
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${app.url}/api/shop`, { headers: { Authorization: `Bearer ${token}` } }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    expect(answers.find((r) => r.status === 429)!.headers.get("retry-after")).toBe("1");
  });

  it("/proxy/eta: per client, then per shop, 429 with Retry-After", async () => {
    const fromClient = async (ip: string) =>
      fetch(etaUrl(app.url, QUIET), { headers: { "X-Forwarded-For": ip } });
    const one: number[] = [];
    for (let i = 0; i < 7; i += 1) one.push((await fromClient("198.51.100.1")).status);
    expect(one).toEqual([200, 200, 200, 200, 200, 429, 429]);
    // Another client of the same shop: its own allowance, until the shop's total (8) is spent.
    const other: Response[] = [];
    for (let i = 0; i < 5; i += 1) other.push(await fromClient("198.51.100.2"));
    expect(other.map((r) => r.status)).toEqual([200, 200, 200, 429, 429]);
    expect(Number(other[4]!.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another shop is not affected.
    expect(
      (await fetch(etaUrl(app.url, FLOODER), { headers: { "X-Forwarded-For": "198.51.100.1" } })).status,
    ).toBe(200);
  });

  // A read the storefront fast path hands to express (here a 400) is counted once, not by both.
  it("/proxy/eta: a refused read counts once against the client's allowance", async () => {
    const shop = "rl-once.myshopify.com";
    await app.installShop(shop);
    const read = async (ids: string) =>
      (await fetch(etaUrl(app.url, shop, ids), { headers: { "X-Forwarded-For": "198.51.100.9" } })).status;
    const statuses = [await read("1,abc")];
    for (let i = 0; i < 5; i += 1) statuses.push(await read("1"));
    expect(statuses).toEqual([400, 200, 200, 200, 200, 429]);
  });
});
