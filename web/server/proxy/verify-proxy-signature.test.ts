import { describe, expect, it } from "vitest";
import { signProxyParams, verifyProxySignature } from "./verify-proxy-signature.ts";
import type { ProxySignatureResult } from "./verify-proxy-signature.ts";

// Shopify's worked example ("Authenticate app proxies"), secret "hush".
const DOC_SECRET = "hush";
const DOC_NOW = new Date(1317327555 * 1000);
const DOC_QUERY =
  "extra=1&extra=2&shop=shop-name.myshopify.com&logged_in_customer_id=1" +
  "&path_prefix=%2Fapps%2Fawesome_reviews&timestamp=1317327555";
const DOC_SIGNATURE = "4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb";
const DOC_ANONYMOUS_SIGNATURE = "e072b6d7e6622d85912a5214b860d3100dc1e73d9bc29f43796ac8c9ff8093cb";

const docQuery = (signature: string, overrides = "") =>
  new URLSearchParams(`${DOC_QUERY}${overrides}&signature=${signature}`);

describe("verifyProxySignature: Shopify's documented example", () => {
  it("verifies the logged-in example", () => {
    expect(verifyProxySignature(docQuery(DOC_SIGNATURE), DOC_SECRET, DOC_NOW)).toEqual({
      ok: true,
      shop: "shop-name.myshopify.com",
      loggedInCustomerId: "1",
    });
  });

  it("verifies the anonymous example (empty logged_in_customer_id is signed as `key=`)", () => {
    const query = new URLSearchParams(DOC_QUERY.replace("logged_in_customer_id=1", "logged_in_customer_id="));
    query.append("signature", DOC_ANONYMOUS_SIGNATURE);
    expect(verifyProxySignature(query, DOC_SECRET, DOC_NOW)).toEqual({
      ok: true,
      shop: "shop-name.myshopify.com",
      loggedInCustomerId: null,
    });
  });

  it("signProxyParams reproduces the documented signature", () => {
    expect(signProxyParams(new URLSearchParams(DOC_QUERY), DOC_SECRET)).toBe(DOC_SIGNATURE);
  });

  it("accepts an Express-style object with repeated values as arrays", () => {
    const query = {
      extra: ["1", "2"],
      shop: "shop-name.myshopify.com",
      logged_in_customer_id: "1",
      path_prefix: "/apps/awesome_reviews",
      timestamp: "1317327555",
      signature: DOC_SIGNATURE,
    };
    expect(verifyProxySignature(query, DOC_SECRET, DOC_NOW).ok).toBe(true);
  });
});

describe("verifyProxySignature: failures", () => {
  const T0 = new Date("2026-12-01T12:00:00Z");
  const fresh = (extra: Record<string, string> = {}, secret = "current-secret") => {
    const params = new URLSearchParams({
      shop: "backorder-demo.myshopify.com",
      logged_in_customer_id: "",
      path_prefix: "/apps/backorder",
      timestamp: String(T0.getTime() / 1000),
      variant_ids: "9007199254740993,9007199254740995",
      ...extra,
    });
    params.set("signature", signProxyParams(params, secret));
    return params;
  };
  const tampered = (mutate: (p: URLSearchParams) => void) => {
    const params = fresh();
    mutate(params);
    return params;
  };

  it.each<[string, URLSearchParams, number, ProxySignatureResult]>([
    [
      "a fresh request",
      fresh(),
      0,
      { ok: true, shop: "backorder-demo.myshopify.com", loggedInCustomerId: null },
    ],
    [
      "89 s of clock skew",
      fresh(),
      89,
      { ok: true, shop: "backorder-demo.myshopify.com", loggedInCustomerId: null },
    ],
    [
      "a tampered param",
      tampered((p) => p.set("variant_ids", "1")),
      0,
      { ok: false, reason: "bad_signature" },
    ],
    ["an added param", tampered((p) => p.append("admin", "1")), 0, { ok: false, reason: "bad_signature" }],
    [
      "a garbage signature",
      tampered((p) => p.set("signature", "zz")),
      0,
      { ok: false, reason: "bad_signature" },
    ],
    [
      "the right signature with a character appended",
      tampered((p) => p.set("signature", `${p.get("signature")}0`)),
      0,
      { ok: false, reason: "bad_signature" },
    ],
    [
      "the right signature with its last character not hex",
      tampered((p) => p.set("signature", `${p.get("signature")!.slice(0, 63)}g`)),
      0,
      { ok: false, reason: "bad_signature" },
    ],
    ["an old timestamp", fresh(), 91, { ok: false, reason: "stale_timestamp" }],
    ["a timestamp from the future", fresh(), -120, { ok: false, reason: "stale_timestamp" }],
    ["a missing timestamp", fresh({ timestamp: "" }), 0, { ok: false, reason: "stale_timestamp" }],
    [
      "a repeated shop",
      tampered((p) => p.append("shop", "evil.myshopify.com")),
      0,
      { ok: false, reason: "repeated_param" },
    ],
    [
      "a repeated timestamp",
      tampered((p) => p.append("timestamp", "1")),
      0,
      { ok: false, reason: "repeated_param" },
    ],
    [
      "a missing signature",
      tampered((p) => p.delete("signature")),
      0,
      { ok: false, reason: "missing_signature" },
    ],
    ["a missing shop", fresh({ shop: "" }), 0, { ok: false, reason: "missing_shop" }],
  ])("%s", (_name, params, skewSeconds, expected) => {
    const now = new Date(T0.getTime() + skewSeconds * 1000);
    expect(verifyProxySignature(params, "current-secret", now)).toEqual(expected);
  });

  it.each<[string, string, string | string[], boolean]>([
    ["signed with the previous secret, only the current one known", "previous", "current", false],
    ["signed with the previous secret, both known (rotation)", "previous", ["current", "previous"], true],
    ["signed with the current secret, both known", "current", ["current", "previous"], true],
    ["no usable secret", "current", ["", ""], false],
  ])("%s", (_name, signedWith, secrets, ok) => {
    expect(verifyProxySignature(fresh({}, signedWith), secrets, T0).ok).toBe(ok);
  });

  it("honours a custom tolerance", () => {
    const later = new Date(T0.getTime() + 10_000);
    expect(verifyProxySignature(fresh(), "current-secret", later, 5)).toEqual({
      ok: false,
      reason: "stale_timestamp",
    });
  });
});
