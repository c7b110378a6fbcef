import crypto from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signWebhook } from "../../simulator/sign-webhook.ts";
import { createApiKey } from "../../web/server/merchant-api/api-keys.ts";
import { V1_ROUTES } from "../../web/server/merchant-api/v1-routes-list.ts";
import {
  anyText,
  anyValue,
  bodyShape,
  contentType,
  encodeBody,
  hostileObject,
  nasty,
} from "./support/fuzz-arbitraries.ts";
import {
  headerSafe,
  injectedHeaderLines,
  listApiRoutes,
  newFuzzResult,
  sendAll,
  tableCounts,
  type FuzzResult,
} from "./support/fuzz-support.ts";
import { crashLines, logFindings } from "./support/fault-checks.ts";
import { reportFaultRow } from "./support/fault-row.ts";
import { FAULTS } from "./support/fault-settings.ts";
import { signedProxyQuery } from "./support/proxy-request.ts";
import { startFaultStack, type FaultStack, type StackShop } from "./support/start-fault-stack.ts";
import { TEST_API_SECRET } from "../helpers/start-test-app.ts";

const RUNS = FAULTS.sizes.fuzzRuns;
const SEED = FAULTS.seed;
const HUGE = 3 * 1024 * 1024;
const OTHER = "fuzz-stranger.myshopify.com";

let stack: FaultStack;
let shop: StackShop;
let variantId = 0n;
beforeAll(async () => {
  // The merchant API's per-key limit stays on, far above the fuzzer's pace, or most answers would be 429.
  stack = await startFaultStack({
    name: "fuzz",
    workers: 1,
    env: { API_KEY_RATE_LIMIT_PER_MINUTE: "1000000" },
  });
  shop = await stack.installShop("Fuzz Shop", (s) => {
    variantId = stack.sim.createProduct(s.domain, {
      title: "Fuzzed mug",
      variants: [{ title: "Default Title", price: "12.00", inventoryPolicy: "DENY", inventory: 0 }],
    }).variants[0]!.id;
  });
});
afterAll(() => stack?.close());

type Req = { url: string; init: RequestInit; label: string; authentic: boolean; honeypot?: boolean };
type Spec<A> = A extends fc.Arbitrary<infer T> ? T : never;
type Build<T> = (spec: T, index: number) => Req | Promise<Req>;
/** Cases are generated and sent this many at a time: at 10,000 per target, huge bodies included, all at once would not fit the heap. */
const CHUNK = 400;
const enc = (s: string) => encodeURIComponent(s).slice(0, 2000);

/**
 * RUNS requests in chunks of CHUNK, each chunk sampled from its own seed (the first from
 * SEED + offset), so a run is the same on every pass and only one chunk is held at a time.
 */
async function* requestChunks<T>(arb: fc.Arbitrary<T>, offset: number, build: Build<T>) {
  for (let start = 0; start < RUNS; start += CHUNK) {
    const seed = SEED + offset + 1000 * (start / CHUNK);
    const specs = fc.sample(arb, { numRuns: Math.min(CHUNK, RUNS - start), seed });
    const chunk: Req[] = [];
    for (const [i, spec] of specs.entries()) chunk.push(await build(spec, start + i));
    yield chunk;
  }
}

/**
 * Two passes over the same cases: the auth-rejected requests first (every table must stay as it
 * was), then the authentic ones, each answer of which goes to `onAuthentic`.
 */
async function run<T>(
  cases: { arb: fc.Arbitrary<T>; offset: number; build: Build<T> },
  label: string,
  task: Parameters<typeof reportFaultRow>[0],
  onAuthentic?: (request: Req, status: number) => void,
) {
  const before = await tableCounts(stack);
  const rejected = newFuzzResult();
  for await (const chunk of requestChunks(cases.arb, cases.offset, cases.build))
    await sendAll(
      chunk.filter((r) => !r.authentic),
      rejected,
    );
  expect({ label, counts: await tableCounts(stack) }).toEqual({ label, counts: before });
  const authentic = newFuzzResult();
  for await (const chunk of requestChunks(cases.arb, cases.offset, cases.build))
    await sendAll(
      chunk.filter((r) => r.authentic),
      authentic,
      onAuthentic,
    );
  await stack.settleAll();
  const fiveXx = [...rejected.fiveXx, ...authentic.fiveXx];
  const statuses = (r: FuzzResult) => [...r.statuses].map(([s, n]) => `${s}x${n}`).join(" ");
  reportFaultRow(task, {
    test: `5 fuzz ${label}`,
    events: rejected.sent + authentic.sent,
    lost: 0,
    duplicates: 0,
    fiveXx: fiveXx.length,
    note: `seed ${SEED}; rejected-auth ${rejected.sent} (${statuses(rejected)}), authentic ${authentic.sent} (${statuses(authentic)})`,
  });
  expect(fiveXx).toEqual([]);
  expect([stack.web, ...stack.workers].every((p) => p.alive())).toBe(true);
  return authentic;
}

describe("fuzzing with fast-check", () => {
  it("/webhooks", async ({ task }) => {
    const spec = fc.record({
      hmac: fc.constantFrom("valid", "valid", "missing", "garbage", "other-secret"),
      shop: fc.oneof(fc.constant(shop.domain), fc.constant(OTHER), anyText),
      topic: fc.oneof(
        fc.constantFrom("orders/create", "orders/updated", "inventory_levels/update", "products/update"),
        anyText,
      ),
      webhookId: fc.oneof(fc.uuid(), anyText),
      body: hostileObject([
        "id",
        "admin_graphql_api_id",
        "line_items",
        "inventory_item_id",
        "location_id",
        "available",
        "updated_at",
        "email",
        "variants",
      ]),
      shape: bodyShape,
      type: contentType,
    });
    const build = (s: Spec<typeof spec>, i: number): Req => {
      const body = encodeBody(s.shape, s.body, HUGE);
      const secret = s.hmac === "other-secret" ? "not-the-secret" : TEST_API_SECRET;
      const headers: Record<string, string> = {
        "Content-Type": s.type,
        "X-Shopify-Topic": headerSafe(s.topic),
        "X-Shopify-Shop-Domain": headerSafe(s.shop),
        "X-Shopify-Webhook-Id": headerSafe(`${s.webhookId}-${i}`),
        "X-Shopify-Event-Id": crypto.randomUUID(),
      };
      if (s.hmac === "garbage") headers["X-Shopify-Hmac-Sha256"] = crypto.randomBytes(32).toString("base64");
      else if (s.hmac !== "missing") headers["X-Shopify-Hmac-Sha256"] = signWebhook(body, secret);
      return {
        url: `${stack.webUrl}/webhooks`,
        init: { method: "POST", headers, body },
        label: `${s.hmac} ${s.topic} ${s.shape}`,
        authentic: s.hmac === "valid",
      };
    };
    const before = await stack.db.webhookEvent.count();
    const authentic = await run({ arb: spec, offset: 1, build }, "/webhooks", task);
    // Only 200s became rows, and the worker took every one to an end state without dying.
    expect(await stack.db.webhookEvent.count()).toBe(before + (authentic.statuses.get(200) ?? 0));
    expect(await stack.db.webhookEvent.count({ where: { status: "RECEIVED" } })).toBe(0);
  });

  it("/proxy/*", async ({ task }) => {
    const spec = fc.record({
      auth: fc.constantFrom("valid", "valid", "valid", "missing", "bad", "stale", "repeated", "unknown-shop"),
      path: fc.oneof(
        fc.constantFrom("/proxy/eta", "/proxy/subscriptions", "/proxy/subscriptions"),
        anyText.map((t) => `/proxy/${enc(t)}`),
      ),
      method: fc.constantFrom("GET", "POST", "POST", "PUT", "DELETE"),
      params: fc.array(
        fc.tuple(
          fc.oneof(fc.constantFrom("variant_ids", "variant_id", "locale"), anyText),
          fc.oneof(anyText, fc.constant(String(variantId))),
        ),
        { maxLength: 4 },
      ),
      body: hostileObject(["email", "variant_id", "locale", "marketing_consent", "website"]).chain((b) =>
        fc
          .record({
            email: fc.oneof(
              fc.emailAddress(),
              anyValue,
              fc.tuple(fc.emailAddress(), nasty).map(([e, n]) => `${e}${n}`),
            ),
            variant: fc.oneof(fc.constant(String(variantId)), anyValue),
          })
          .map(({ email, variant }) => ({
            ...b,
            email,
            variant_id: variant,
            website: b.website === undefined ? undefined : b.website,
          })),
      ),
      shape: bodyShape,
      type: contentType,
      ip: fc.ipV4(),
    });
    const build = (s: Spec<typeof spec>): Req => {
      const authShop = s.auth === "unknown-shop" ? OTHER : shop.domain;
      const query = signedProxyQuery(authShop, s.params, {
        secret: s.auth === "bad" ? "forged" : undefined,
        timestamp: s.auth === "stale" ? Math.floor(Date.now() / 1000) - 3600 : undefined,
      });
      if (s.auth === "missing") query.delete("signature");
      if (s.auth === "repeated") query.append("shop", OTHER);
      const body = s.method === "GET" ? undefined : encodeBody(s.shape, s.body, HUGE);
      return {
        url: `${stack.webUrl}${s.path}?${query}`,
        init: { method: s.method, headers: { "Content-Type": s.type, "X-Forwarded-For": s.ip }, body },
        label: `${s.auth} ${s.method} ${s.path} ${s.shape} ${body?.slice(0, 80)}`,
        authentic: s.auth === "valid",
        honeypot: typeof s.body.website === "string" && s.body.website.trim() !== "",
      };
    };
    const subscriptions = await stack.db.subscription.count();
    // A 201 is a new subscription, except for a bot that filled the honeypot (told 201, nothing stored).
    let created = 0;
    await run({ arb: spec, offset: 2, build }, "/proxy/*", task, (request, status) => {
      if (status === 201 && !request.honeypot) created += 1;
    });
    expect(await stack.db.subscription.count()).toBe(subscriptions + created);
  });

  it("/api/*", async ({ task }) => {
    const routes = listApiRoutes(stack);
    expect(routes.length).toBeGreaterThan(10);
    const token = { value: "", at: 0 };
    const fresh = async () => {
      if (Date.now() - token.at > 30_000)
        Object.assign(token, {
          value: await stack.sim.mintSessionToken({ shop: shop.domain }),
          at: Date.now(),
        });
      return token.value;
    };
    const spec = fc.record({
      route: fc.constantFrom(...routes),
      auth: fc.constantFrom("valid", "valid", "valid", "none", "garbage", "forged", "expired", "stranger"),
      param: fc.oneof(
        fc.constant(String(variantId)),
        fc.constantFrom("restock", "en", "backorder_confirmation"),
        anyText,
      ),
      query: fc.array(fc.tuple(anyText, anyText), { maxLength: 3 }),
      body: hostileObject([
        "eta",
        "message",
        "variantIds",
        "variantId",
        "productId",
        "leadTimeDays",
        "subject",
        "html",
        "text",
        "kind",
        "locale",
        "to",
        "restockThreshold",
        "waveMultiplier",
        "doubleOptIn",
        "senderName",
        "replyTo",
        "orderTag",
        "countedLocationIds",
        "status",
        "q",
        "cursor",
      ]),
      shape: bodyShape,
      type: contentType,
    });
    const build = async (s: Spec<typeof spec>): Promise<Req> => {
      const authorization = {
        valid: `Bearer ${await fresh()}`,
        none: "",
        garbage: `Bearer ${crypto.randomBytes(40).toString("base64url")}`,
        forged: `Bearer ${await stack.sim.mintSessionToken({ shop: shop.domain, secret: "forged-secret" })}`,
        expired: `Bearer ${await stack.sim.mintSessionToken({ shop: shop.domain, exp: Math.floor(Date.now() / 1000) - 600 })}`,
        stranger: `Bearer ${await stack.sim.mintSessionToken({ shop: OTHER })}`,
      }[s.auth];
      const path = s.route.path.replace(/:\w+/g, () => enc(s.param));
      const query = new URLSearchParams(s.query.map(([k, v]) => [k, v])).toString();
      const hasBody = s.route.method !== "GET" && s.route.method !== "DELETE";
      return {
        url: `${stack.webUrl}/api${path}?${query}`,
        init: {
          method: s.route.method,
          headers: { "Content-Type": s.type, ...(authorization ? { Authorization: authorization } : {}) },
          body: hasBody ? encodeBody(s.shape, s.body, HUGE) : undefined,
        },
        label: `${s.auth} ${s.route.method} ${path} ${s.shape}`,
        authentic: s.auth === "valid",
      };
    };
    await run({ arb: spec, offset: 3, build }, "/api/*", task);
  });

  it("/api/v1/* (merchant API keys)", async ({ task }) => {
    const now = new Date();
    const key = (scope: "read" | "read_write") =>
      createApiKey(stack.db, shop.id, { name: `fuzz ${scope}`, scope }, now);
    const [write, read, revoked] = [await key("read_write"), await key("read"), await key("read_write")];
    await stack.db.apiKey.update({ where: { id: revoked.apiKey.id }, data: { revokedAt: now } });
    const keys = { write: write.secret, read: read.secret, revoked: revoked.secret };
    const spec = fc.record({
      route: fc.constantFrom(...V1_ROUTES),
      auth: fc.constantFrom("write", "write", "read", "none", "garbage", "revoked"),
      param: fc.oneof(fc.constant(String(variantId)), fc.uuid(), anyText),
      query: fc.array(
        fc.tuple(
          fc.oneof(fc.constantFrom("status", "variantId", "orderId", "cursor", "limit"), anyText),
          anyText,
        ),
        { maxLength: 3 },
      ),
      idempotencyKey: fc.oneof(fc.constant(undefined), fc.uuid(), anyText),
      body: hostileObject([
        "variantId",
        "eta",
        "message",
        "etas",
        "email",
        "phone",
        "locale",
        "marketingConsent",
        "status",
        "cursor",
        "limit",
      ]),
      shape: bodyShape,
      type: contentType,
    });
    const build = (s: Spec<typeof spec>): Req => {
      const secret = {
        write: keys.write,
        read: keys.read,
        revoked: keys.revoked,
        none: "",
        garbage: "bhk_x",
      }[s.auth];
      const path = s.route.path.replace(/\{\w+\}/g, () => enc(s.param));
      const query = new URLSearchParams(s.query.map(([k, v]) => [k, v])).toString();
      const method = s.route.method.toUpperCase();
      return {
        url: `${stack.webUrl}/api/v1${path}?${query}`,
        init: {
          method,
          headers: {
            "Content-Type": s.type,
            ...(secret ? { Authorization: `Bearer ${secret}` } : {}),
            ...(s.idempotencyKey === undefined ? {} : { "Idempotency-Key": headerSafe(s.idempotencyKey) }),
          },
          body: method === "GET" || method === "DELETE" ? undefined : encodeBody(s.shape, s.body, HUGE),
        },
        label: `${s.auth} ${method} ${path} ${s.shape}`,
        authentic: s.auth === "write" || s.auth === "read",
      };
    };
    await run({ arb: spec, offset: 5, build }, "/api/v1/*", task);
  });

  it("email link routes (unsubscribe, confirm)", async ({ task }) => {
    const spec = fc.record({
      route: fc.constantFrom(
        "GET /unsubscribe/",
        "POST /unsubscribe/",
        "GET /subscriptions/confirm/",
        "POST /subscriptions/confirm/",
      ),
      token: fc.oneof(
        anyText,
        fc.base64String({ minLength: 20, maxLength: 64 }).map((t) => t.replace(/[+/=]/g, "_")),
      ),
      body: fc.oneof(fc.constant("List-Unsubscribe=One-Click"), anyText),
      type: contentType,
    });
    const build = (s: Spec<typeof spec>): Req => {
      const [method, prefix] = s.route.split(" ") as [string, string];
      return {
        url: `${stack.webUrl}${prefix}${enc(s.token) || "x"}`,
        init: { method, headers: { "Content-Type": s.type }, body: method === "POST" ? s.body : undefined },
        label: `${s.route}${s.token.slice(0, 40)}`,
        authentic: false,
      };
    };
    await run({ arb: spec, offset: 4, build }, "email links", task);
  });

  it("no header injection in any email sent, no crash logged", () => {
    const injected = stack.smtp.messages.flatMap((m) =>
      injectedHeaderLines(m.headers).map((l) => `${m.to.join(",")}: ${l}`),
    );
    expect(injected).toEqual([]);
    expect(stack.smtp.messages.every((m) => m.to.length === 1 && !m.to.includes("victim@evil.test"))).toBe(
      true,
    );
    expect(crashLines(stack.logLines())).toEqual([]);
    expect([stack.web, ...stack.workers].flatMap((p) => p.unexpectedExits)).toEqual([]);
  });
  it("captured logs carry no secret, token or full email address", () => {
    expect(logFindings(stack)).toEqual([]);
  });
});
