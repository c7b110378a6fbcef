import { describe, expect, it } from "vitest";
import { signProxyParams } from "../proxy/verify-proxy-signature.ts";
import { createSignedReads } from "./proxy-eta-signed-reads.ts";

const SHOP = "memo.myshopify.com";
const T0 = 1_765_000_000; // seconds

function url(variantIds: string, secret = "current", timestamp = T0): string {
  const params = new URLSearchParams({ shop: SHOP, path_prefix: "/apps/b", timestamp: String(timestamp) });
  params.set("variant_ids", variantIds);
  params.set("signature", signProxyParams(params, secret));
  return `/proxy/eta?${params.toString()}`;
}

describe("createSignedReads: verified GET /proxy/eta URLs, remembered", () => {
  it("answers a verified URL's shop and canonical ids, and again from memory", () => {
    const clock = { ms: T0 * 1000 };
    const reads = createSignedReads(["current"], () => clock.ms);
    const first = reads(url("3,1,3"));
    expect(first).toEqual({ shop: SHOP, timestamp: T0, ids: ["1", "3"] });
    expect(reads(url("3,1,3"))).toBe(first);
  });

  it("refuses a remembered URL once its timestamp leaves the window, either way", () => {
    const clock = { ms: T0 * 1000 };
    const reads = createSignedReads(["current"], () => clock.ms);
    expect(reads(url("1"))).not.toBeNull();
    clock.ms = (T0 + 91) * 1000;
    expect(reads(url("1"))).toBeNull();
    clock.ms = (T0 - 91) * 1000;
    expect(reads(url("1"))).toBeNull();
    clock.ms = (T0 + 90) * 1000;
    expect(reads(url("1"))).not.toBeNull();
  });

  it("refuses a forged signature on a remembered URL, and every other secret", () => {
    const clock = { ms: T0 * 1000 };
    const reads = createSignedReads(["current", "previous"], () => clock.ms);
    const good = url("1");
    expect(reads(good)).not.toBeNull();
    const signature = new URL(good, "http://x").searchParams.get("signature")!;
    const forged = good.replace(signature, `${signature.slice(0, -1)}${signature.endsWith("0") ? "1" : "0"}`);
    expect(reads(forged)).toBeNull();
    expect(reads(`${good}&variant_ids=2`)).toBeNull();
    expect(reads(url("1", "previous"))).not.toBeNull();
    expect(reads(url("1", "someone-else"))).toBeNull();
  });

  it("remembers ids that are not valid as null (express answers 400), the signature still verified", () => {
    const reads = createSignedReads(["current"], () => T0 * 1000);
    expect(reads(url("1,abc"))).toEqual({ shop: SHOP, timestamp: T0, ids: null });
    expect(reads(url("1,abc"))).toEqual({ shop: SHOP, timestamp: T0, ids: null });
  });
});
