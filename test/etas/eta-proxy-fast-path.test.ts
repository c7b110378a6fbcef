import { createServer, get, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../web/server/app.ts";
import { createProxyEtaParts } from "../../web/server/etas/proxy-eta-answer.ts";
import { createProxyEtaFastPath } from "../../web/server/etas/proxy-eta-fast-path.ts";
import { signProxyParams } from "../../web/server/proxy/verify-proxy-signature.ts";
import { startTestApp, TEST_API_SECRET, type TestApp } from "../helpers/start-test-app.ts";

const SHOP = "fast-path.myshopify.com";
const GONE = "fast-path-gone.myshopify.com";
const V1 = 9_007_199_254_740_993n;

function signed(shop: string, params: Record<string, string>, secret = TEST_API_SECRET) {
  const query = {
    shop,
    logged_in_customer_id: "",
    path_prefix: "/apps/backorder",
    timestamp: String(Math.floor(Date.now() / 1000)),
    ...params,
  };
  return `?${new URLSearchParams({ ...query, signature: signProxyParams(query, secret) })}`;
}

// The fast path alone, in front of a stand-in for express that answers 418 "express": what it
// answers itself and what it hands back untouched.
describe("GET /proxy/eta before express (proxy-eta-fast-path.ts)", () => {
  let app: TestApp;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    app = await startTestApp();
    const shop = await app.deps.db.shop.create({
      data: { domain: SHOP, timezone: "UTC", settings: { create: { defaultLeadTimeDays: 7 } } },
    });
    await app.deps.db.variant.create({
      data: { shopId: shop.id, variantId: V1, productId: 1n, inventoryPolicy: "CONTINUE", available: -1 },
    });
    await app.deps.db.shop.create({
      data: { domain: GONE, uninstalledAt: new Date(), settings: { create: {} } },
    });
    const fast = createProxyEtaFastPath(app.deps, createProxyEtaParts(app.deps));
    server = createServer((req, res) => {
      const express = () => {
        res.statusCode = 418;
        res.end("express");
      };
      if (!fast.matches(req)) express();
      else void Promise.resolve(fast.tryAnswer(req, res)).then((answered) => answered || express());
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    await app?.close();
  });

  it("answers a clean read as the app's route does: the JSON, caching, security headers, the metric", async () => {
    const path = `/proxy/eta${signed(SHOP, { variant_ids: String(V1) })}`;
    const res = await fetch(`${base}${path}`);
    expect(res.status).toBe(200);
    const body = await res.text();
    const full = await fetch(`${app.url}${path}`);
    expect(body).toBe(await full.text());
    expect(JSON.parse(body)).toMatchObject({ variants: [{ id: String(V1), backordered: true }] });
    for (const name of [
      "content-type",
      "cache-control",
      "etag",
      "x-content-type-options",
      "referrer-policy",
    ]) {
      expect(res.headers.get(name), name).toBe(full.headers.get(name));
    }
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const metrics = await app.deps.metrics.registry.metrics();
    expect(metrics).toMatch(
      /backorder_http_request_duration_seconds_count\{route="\/proxy\/eta",status="200"\} [1-9]/,
    );
  });

  it("sends the headers express's own route sends, in its order, and the same body", async () => {
    const expressOnly = createServer(createApp(app.deps));
    await new Promise<void>((resolve) => expressOnly.listen(0, "127.0.0.1", resolve));
    try {
      const path = `/proxy/eta${signed(SHOP, { variant_ids: String(V1) })}`;
      const port = (expressOnly.address() as AddressInfo).port;
      const [ours, theirs] = await Promise.all([
        rawGet(`${base}${path}`),
        rawGet(`http://127.0.0.1:${port}${path}`),
      ]);
      const withoutDate = (raw: string[]) => raw.map((v, i) => (raw[i - 1] === "Date" ? "<date>" : v));
      expect(ours.status).toBe(200);
      expect(withoutDate(ours.rawHeaders)).toEqual(withoutDate(theirs.rawHeaders));
      expect(ours.body).toBe(theirs.body);
    } finally {
      expressOnly.closeAllConnections();
      await new Promise((r) => expressOnly.close(r));
    }
  });

  it("answers HEAD without a body and 304 to a matching If-None-Match", async () => {
    const path = `${base}/proxy/eta${signed(SHOP, { variant_ids: String(V1) })}`;
    const head = await fetch(path, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    const again = await fetch(path, {
      headers: { "If-None-Match": head.headers.get("etag")!, "Cache-Control": "max-age=0" },
    });
    expect(again.status).toBe(304);
  });

  it.each([
    ["a bad signature", () => `/proxy/eta${signed(SHOP, { variant_ids: "1" }, "wrong-secret")}`],
    ["no query", () => "/proxy/eta"],
    ["bad ids", () => `/proxy/eta${signed(SHOP, { variant_ids: "1,abc" })}`],
    ["a NUL in the URL", () => `/proxy/eta${signed(SHOP, { variant_ids: "1" })}&x=%00`],
    ["an unknown shop", () => `/proxy/eta${signed("nobody.myshopify.com", { variant_ids: "1" })}`],
    ["an uninstalled shop", () => `/proxy/eta${signed(GONE, { variant_ids: "1" })}`],
    ["another path", () => `/proxy/etas${signed(SHOP, { variant_ids: "1" })}`],
  ])("hands %s to express untouched", async (_name, path) => {
    const res = await fetch(`${base}${path()}`);
    expect(res.status).toBe(418);
    expect(await res.text()).toBe("express");
    expect(res.headers.get("etag")).toBeNull();
  });

  it("takes only GET and HEAD", async () => {
    const res = await fetch(`${base}/proxy/eta${signed(SHOP, { variant_ids: "1" })}`, { method: "POST" });
    expect(res.status).toBe(418);
  });
});

function rawGet(url: string): Promise<{ status: number; rawHeaders: string[]; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, (res: IncomingMessage) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, rawHeaders: res.rawHeaders, body }));
    }).on("error", reject);
  });
}
