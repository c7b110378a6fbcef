import { Ajv2020 } from "ajv/dist/2020.js";
import formats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../web/server/merchant-api/api-keys.ts";
import { v1Routes } from "../../web/server/merchant-api/v1-routes.ts";
import { listRoutes } from "../admin/helpers/list-api-routes.ts";
import { earlyInRateWindow } from "../helpers/early-in-rate-window.ts";
import { isoDaysFromToday as addDays } from "../helpers/future-date.ts";
import { startEtaTestShop, type EtaTestShop } from "../etas/eta-test-shop.ts";
import { callV1 } from "./merchant-api-client.ts";

type Operation = { responses: Record<string, { content?: Record<string, unknown> }> };
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>> };

/** A real call: method, the document's path template, the URL path, an optional body and key scope. */
type Call = { method: string; template: string; path: string; json?: unknown; scope?: "read" | "read_write" };

describe("merchant API: the OpenAPI document against the running API", () => {
  let t: EtaTestShop;
  let doc: Doc;
  let ajv: Ajv2020;
  let variant: bigint;
  let subscriptionId: string;
  // Every key gets at most 3 requests a minute here (the 429 test), so each call has its own key.
  const LIMIT = 3;
  beforeAll(async () => {
    t = await startEtaTestShop("OpenAPI Shop", { API_KEY_RATE_LIMIT_PER_MINUTE: String(LIMIT) });
    [variant] = (
      await t.addProduct("Kettle", [
        { title: "Steel", sku: "KET", inventoryPolicy: "CONTINUE", available: -1 },
      ])
    ).variantIds as [bigint];
    await t.app.deps.db.backorderLine.create({
      data: {
        shopId: t.shopId,
        orderId: 5_100_000_000_000_000_001n,
        lineItemId: 7_100_000_000_000_000_001n,
        variantId: variant,
        quantity: 1,
        backorderedQuantity: 1,
        placedAt: new Date("2026-11-20T08:00:00Z"),
        etaCurrent: new Date("2026-12-24T00:00:00Z"),
      },
    });
    const res = await fetch(`${t.app.url}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    doc = (await res.json()) as Doc;
    ajv = new Ajv2020({ allErrors: true, strict: false });
    // ajv-formats is CommonJS: its function is both the module and its `default`.
    formats.default(ajv);
    // The document itself is the schema store: response schemas are read from it by JSON pointer,
    // their $refs resolve inside it (it is not a JSON Schema as a whole, so it is not meta-validated).
    ajv.addSchema(doc, "openapi.json", undefined, false);
  });
  afterAll(() => t?.close());

  const freshKey = async (scope: "read" | "read_write" = "read_write") =>
    (await createApiKey(t.app.deps.db, t.shopId, { name: "conformance", scope }, new Date())).secret;
  const pointer = (...parts: string[]) =>
    "openapi.json#/" + parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

  /** Calls the API for real and checks the answer against the document; returns the status. */
  const check = async (call: Call, secret?: string | null) => {
    const key = secret === undefined ? await freshKey(call.scope) : secret;
    const res = await callV1(t, key, call.path, { method: call.method.toUpperCase(), json: call.json });
    const operation = doc.paths[call.template]?.[call.method];
    expect(operation, `${call.method} ${call.template} is in the document`).toBeDefined();
    const response = operation!.responses[String(res.status)];
    expect(
      response,
      `${call.method} ${call.path} answered ${res.status}, which the document lists`,
    ).toBeDefined();
    const type = res.headers.get("content-type") ?? "";
    if (type.startsWith("text/csv")) {
      expect(Object.keys(response!.content ?? {})).toEqual(["text/csv"]);
      expect((await res.text()).split("\n")[0]!.length).toBeGreaterThan(0);
    } else {
      expect(type).toMatch(/^application\/json/);
      const validate = ajv.getSchema(
        pointer(
          "paths",
          call.template,
          call.method,
          "responses",
          String(res.status),
          "content",
          "application/json",
          "schema",
        ),
      )!;
      const body = await res.json();
      expect(
        validate(body),
        `${call.method} ${call.path} ${res.status}: ${ajv.errorsText(validate.errors)}`,
      ).toBe(true);
    }
    return res;
  };

  it("is OpenAPI 3.1 with a bearer scheme, and lists exactly the routes the router mounts", () => {
    expect(doc.openapi).toBe("3.1.0");
    const mounted = listRoutes(v1Routes(t.app.deps))
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, "{$1}")}`)
      .sort();
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`))
      .sort();
    expect(mounted).toEqual(documented);
    expect(mounted.length).toBeGreaterThanOrEqual(12);
  });

  it("answers every documented operation as the document says, successes and refusals", async () => {
    const succeeded = new Set<string>();
    const ok = async (call: Call) => {
      const res = await check(call);
      expect(res.status, `${call.method} ${call.path}`).toBeLessThan(300);
      succeeded.add(`${call.method} ${call.template}`);
      return res;
    };
    const v = String(variant);
    await ok({ method: "get", template: "/openapi.json", path: "/openapi.json" });
    await ok({ method: "get", template: "/backorders", path: "/backorders?status=OPEN&limit=1" });
    await ok({ method: "get", template: "/etas/{variantId}", path: `/etas/${v}` });
    await ok({
      method: "put",
      template: "/etas/{variantId}",
      path: `/etas/${v}`,
      json: { eta: addDays(12), message: "Ships from Lyon" },
    });
    await ok({
      method: "post",
      template: "/etas/bulk",
      path: "/etas/bulk",
      json: { variantIds: [v], eta: null },
    });
    const created = await ok({
      method: "post",
      template: "/subscriptions",
      path: "/subscriptions",
      json: { email: "conform@example.com", variantId: v, locale: "fr-CA", marketingConsent: true },
    });
    expect(created.status).toBe(201);
    subscriptionId = (
      await t.app.deps.db.subscription.findFirstOrThrow({ where: { email: "conform@example.com" } })
    ).id;
    await ok({ method: "get", template: "/subscriptions", path: `/subscriptions?variant=${v}&limit=1` });
    await ok({ method: "delete", template: "/subscriptions/{id}", path: `/subscriptions/${subscriptionId}` });
    await ok({ method: "get", template: "/metrics", path: "/metrics?from=2026-11-01" });
    await ok({ method: "get", template: "/exports/backorders.csv", path: "/exports/backorders.csv" });
    await ok({ method: "get", template: "/exports/etas.csv", path: "/exports/etas.csv" });
    await ok({ method: "get", template: "/exports/subscribers.csv", path: "/exports/subscribers.csv" });
    const every = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
    expect([...succeeded].sort()).toEqual(every.sort());

    // Refusals, each checked against the error responses the document lists.
    const refused = async (call: Call, status: number, secret?: string | null) => {
      const res = await check(call, secret);
      expect(res.status, `${call.method} ${call.path}`).toBe(status);
    };
    await refused({ method: "get", template: "/backorders", path: "/backorders" }, 401, null);
    await refused(
      {
        method: "put",
        template: "/etas/{variantId}",
        path: `/etas/${v}`,
        json: { eta: null },
        scope: "read",
      },
      403,
    );
    await refused({ method: "get", template: "/etas/{variantId}", path: "/etas/424242424242" }, 404);
    await refused({ method: "get", template: "/etas/{variantId}", path: "/etas/not-a-number" }, 400);
    await refused(
      { method: "put", template: "/etas/{variantId}", path: `/etas/${v}`, json: { eta: "2026-13-01" } },
      422,
    );
    await refused({ method: "put", template: "/etas/{variantId}", path: `/etas/${v}`, json: {} }, 400);
    await refused(
      { method: "delete", template: "/subscriptions/{id}", path: `/subscriptions/${crypto.randomUUID()}` },
      404,
    );
    await refused(
      { method: "get", template: "/metrics", path: "/metrics?from=2026-12-01&to=2026-11-01" },
      400,
    );
  });

  it("answers 429 with Retry-After past the key's per-minute limit, counted per key", async () => {
    await earlyInRateWindow(60, 15_000);
    const secret = await freshKey("read");
    const call: Call = { method: "get", template: "/etas/{variantId}", path: `/etas/${variant}` };
    for (let i = 0; i < LIMIT; i++) expect((await check(call, secret)).status).toBe(200);
    const limited = await check(call, secret);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another key of the same shop is not held back by this one.
    expect((await check(call)).status).toBe(200);
  });
});
