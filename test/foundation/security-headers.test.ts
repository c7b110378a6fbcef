import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/start-test-app.ts";

describe("security headers", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  it.each(["/healthz", "/api/shop", "/proxy/eta?variant_ids=1", "/unsubscribe/abc", "/nothing"])(
    "%s: nosniff and no Referer",
    async (path) => {
      const res = await fetch(`${app.url}${path}`);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    },
  );

  it.each([
    ["confirm", "/subscriptions/confirm/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"],
    ["unsubscribe", "/unsubscribe/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"],
    ["cancel", "/backorders/cancel/not-a-token"],
  ])("the %s page may not be framed", async (_name, path) => {
    const res = await fetch(`${app.url}${path}`);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(res.headers.get("content-security-policy")).toBe("frame-ancestors 'none'");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });
});
