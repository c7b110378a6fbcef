import { earlyInRateWindow } from "../helpers/early-in-rate-window.ts";
import { SIGNUP_LIMITS } from "../../web/server/subscriptions/check-signup-rate-limit.ts";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signWebhook } from "../../simulator/sign-webhook.ts";
import { reportFaultRow } from "./support/fault-row.ts";
import { tableCounts } from "./support/fuzz-support.ts";
import { signedProxyQuery, signUp } from "./support/proxy-request.ts";
import { scanLogs } from "./support/scan-logs.ts";
import { LOG_DIR } from "./support/spawn-app-process.ts";
import { startFaultStack, type FaultStack, type StackShop } from "./support/start-fault-stack.ts";
import { TEST_API_SECRET } from "../helpers/start-test-app.ts";
import { waitFor } from "../helpers/wait-for.ts";

/** Scripts on /admin: the bundle and App Bridge from Shopify's CDN only. */
const ADMIN_SCRIPT_POLICY = "script-src 'self' https://cdn.shopify.com; object-src 'none'; base-uri 'self';";

let stack: FaultStack;
let shop: StackShop;
let variantId = 0n;
beforeAll(async () => {
  stack = await startFaultStack({ name: "security", workers: 1 });
  shop = await stack.installShop("Security Shop", (s) => {
    variantId = stack.sim.createProduct(s.domain, {
      title: "Guarded vase",
      variants: [{ title: "Default Title", price: "50.00", inventoryPolicy: "DENY", inventory: 0 }],
    }).variants[0]!.id;
  });
});
afterAll(() => stack?.close());

describe("security headers and limits", () => {
  it.each([
    [
      "security-shop.myshopify.com",
      `frame-ancestors https://security-shop.myshopify.com https://admin.shopify.com; ${ADMIN_SCRIPT_POLICY}`,
    ],
    [
      "other-shop.myshopify.com",
      `frame-ancestors https://other-shop.myshopify.com https://admin.shopify.com; ${ADMIN_SCRIPT_POLICY}`,
    ],
    ["evil.example.com", `frame-ancestors 'none'; ${ADMIN_SCRIPT_POLICY}`],
    ["x.myshopify.com; script-src *", `frame-ancestors 'none'; ${ADMIN_SCRIPT_POLICY}`],
    ["", `frame-ancestors 'none'; ${ADMIN_SCRIPT_POLICY}`],
  ])("the admin page for shop %j may be framed by: %s", async (shopParam, csp) => {
    const res = await fetch(`${stack.webUrl}/admin?shop=${encodeURIComponent(shopParam)}&embedded=1`);
    expect(res.headers.get("content-security-policy")).toBe(csp);
  });

  it("bodies over each route's limit: 413, nothing written", async ({ task }) => {
    const before = await tableCounts(stack);
    const big = (bytes: number) => JSON.stringify({ email: "a@example.com", padding: "x".repeat(bytes) });
    const webhookBody = big(3 * 1024 * 1024);
    const token = await stack.sim.mintSessionToken({ shop: shop.domain });
    const answers = {
      webhooks: await fetch(`${stack.webUrl}/webhooks`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "X-Shopify-Topic": "orders/create",
          "X-Shopify-Shop-Domain": shop.domain,
          "X-Shopify-Webhook-Id": "big-1",
          "X-Shopify-Hmac-Sha256": signWebhook(webhookBody, TEST_API_SECRET),
        },
        body: webhookBody,
      }),
      api: await fetch(`${stack.webUrl}/api/settings`, {
        method: "PUT",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: big(2 * 1024 * 1024),
      }),
      proxy: await fetch(`${stack.webUrl}/proxy/subscriptions?${signedProxyQuery(shop.domain)}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Forwarded-For": "192.0.2.9" },
        body: big(64 * 1024),
      }),
      unsubscribe: await fetch(`${stack.webUrl}/unsubscribe/${"a".repeat(32)}`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: `List-Unsubscribe=One-Click&x=${"y".repeat(8 * 1024)}`,
      }),
    };
    const statuses = Object.fromEntries(Object.entries(answers).map(([k, r]) => [k, r.status]));
    const after = await tableCounts(stack);
    // A signed proxy request is counted against its IP's signup limit before the body is parsed? No: the body parser runs first.
    reportFaultRow(task, {
      test: "7a body size limits",
      events: 4,
      lost: 0,
      duplicates: 0,
      fiveXx: Object.values(statuses).filter((s) => s >= 500).length,
      note: JSON.stringify(statuses),
    });
    expect(statuses).toEqual({ webhooks: 413, api: 413, proxy: 413, unsubscribe: 413 });
    expect(after).toEqual(before);
  });

  it("signup rate limits: per IP and per address, 429 with Retry-After", async ({ task }) => {
    await earlyInRateWindow(SIGNUP_LIMITS.ip.windowSeconds);
    const perIp = [];
    for (let i = 0; i < 12; i += 1)
      perIp.push(
        await signUp(
          stack.webUrl,
          shop.domain,
          { email: `ip-${i}@example.com`, variant_id: String(variantId) },
          "198.51.100.77",
        ),
      );
    const perAddress = [];
    for (let i = 0; i < 7; i += 1)
      perAddress.push(
        await signUp(
          stack.webUrl,
          shop.domain,
          { email: "flooded@example.com", variant_id: String(variantId) },
          `203.0.113.${100 + i}`,
        ),
      );
    const ipStatuses = perIp.map((r) => r.status);
    const addressStatuses = perAddress.map((r) => r.status);
    reportFaultRow(task, {
      test: "7b signup rate limits",
      events: 19,
      lost: 0,
      duplicates: 0,
      fiveXx: [...ipStatuses, ...addressStatuses].filter((s) => s >= 500).length,
      note: `one IP: ${ipStatuses.join(",")}; one address: ${addressStatuses.join(",")}`,
    });
    expect(ipStatuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(ipStatuses.slice(10)).toEqual([429, 429]);
    expect(Number(perIp[11]!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(addressStatuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    // The first confirmation went out; the flood did not become a flood of emails.
    await stack.settleAll();
    expect(stack.smtp.countTo("flooded@example.com")).toBe(1);
  });

  it("no secret, token or full email address in any captured log", async ({ task }) => {
    await waitFor(async () => (stack.smtp.messages.length >= 10 ? true : null), 30_000);
    const subscriptions = await stack.db.subscription.findMany({
      select: { confirmToken: true, unsubscribeToken: true },
    });
    const secrets = [TEST_API_SECRET, ...subscriptions.flatMap((s) => [s.confirmToken, s.unsubscribeToken])];
    // Every process of this run: this file's and those of the scenarios that ran before it.
    const files = fs.readdirSync(LOG_DIR).filter((f) => f.endsWith(".log"));
    const lines = [
      ...new Set([
        ...files.flatMap((f) => fs.readFileSync(path.join(LOG_DIR, f), "utf8").split("\n")),
        ...stack.logLines(),
      ]),
    ];
    const findings = scanLogs(lines, { secrets, allowedAddresses: ["no-reply@localhost"] });
    reportFaultRow(task, {
      test: "7c log scan",
      events: lines.length,
      lost: 0,
      duplicates: 0,
      fiveXx: 0,
      note: `${files.length} log files, ${lines.length} lines, ${findings.length} findings`,
    });
    expect(findings.slice(0, 20)).toEqual([]);
  });

  it("300 junk signups, then a real shopper: the shopper is accepted", async ({ task }) => {
    // Bots from 30 addresses, 10 requests each (under the per-IP limit): half fill the honeypot,
    // half send no valid address. None is a signup, so none may use up the shop's allowance.
    const junk: number[] = [];
    for (let i = 0; i < 300; i += 1) {
      const body =
        i % 2 === 0
          ? { email: `bot-${i}@example.com`, variant_id: String(variantId), website: "https://spam.example" }
          : { email: `not-an-address-${i}`, variant_id: String(variantId) };
      junk.push(
        (await signUp(stack.webUrl, shop.domain, body, `192.0.2.${100 + Math.floor(i / 10)}`)).status,
      );
    }
    const shopper = await signUp(
      stack.webUrl,
      shop.domain,
      { email: "real.shopper@example.com", variant_id: String(variantId) },
      "198.51.100.200",
    );
    const counts = Object.entries(
      junk.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {}),
    )
      .map(([status, n]) => `${status}x${n}`)
      .join(" ");
    reportFaultRow(task, {
      test: "19.4 junk signups, then a shopper",
      events: junk.length + 1,
      lost: shopper.status === 201 ? 0 : 1,
      duplicates: 0,
      fiveXx: [...junk, shopper.status].filter((s) => s >= 500).length,
      note: `junk: ${counts}; the shopper: ${shopper.status}`,
    });
    expect(junk.filter((s) => s >= 500)).toEqual([]);
    expect(shopper.status).toBe(201);
    expect(
      await stack.db.subscription.count({ where: { shopId: shop.id, email: "real.shopper@example.com" } }),
    ).toBe(1);
  });

  it.each([
    [`{"msg":"x","secret":"${"s3cr3t-value"}"}`, "secret"],
    ['{"msg":"sent","to":"jane.doe@example.com"}', "email jane.doe@example.com"],
    ['{"auth":"Bearer eyJhbGciOiJIUzI1NiJ9.eyJkZXN0IjoiaHR0cHMifQ.c2lnbmF0dXJlc2ln"}', "session token"],
    ['{"token":"shpat_0123456789abcdef0123"}', "access token"],
  ])("the scanner itself finds %s", (line, kind) => {
    expect(scanLogs([line], { secrets: ["s3cr3t-value"] }).map((f) => f.kind)).toEqual([kind]);
  });

  it("a masked address passes the scanner", () => {
    expect(scanLogs(['{"msg":"email sent","to":"j***@example.com"}'], { secrets: [] })).toEqual([]);
  });
});
