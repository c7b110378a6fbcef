import { describe, expect, it } from "vitest";
import { signAppProxyQuery } from "./sign-app-proxy-query.ts";
import { signWebhook } from "./sign-webhook.ts";

describe("signWebhook", () => {
  it("matches the worked example in docs/shopify-platform.md (Webhook signatures)", () => {
    expect(signWebhook('{"inventory_item_id":1,"location_id":2,"available":0}', "hush")).toBe(
      "wG4lE6LFNnX0Ap5TKT8obYRe4v9aGlDb3XC/I0/FEKA=",
    );
  });

  it("signs bytes, so a re-serialised body gets another signature", () => {
    expect(signWebhook('{"a":1}', "hush")).not.toBe(signWebhook('{ "a": 1 }', "hush"));
  });
});

describe("signAppProxyQuery (docs/shopify-platform.md: App proxy signatures)", () => {
  const base = {
    extra: ["1", "2"],
    shop: "shop-name.myshopify.com",
    path_prefix: "/apps/awesome_reviews",
    timestamp: "1317327555",
  };

  it.each([
    ["logged-in customer", "1", "4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb"],
    ["anonymous visitor", "", "e072b6d7e6622d85912a5214b860d3100dc1e73d9bc29f43796ac8c9ff8093cb"],
  ])("%s", (_case, customerId, signature) => {
    expect(signAppProxyQuery({ ...base, logged_in_customer_id: customerId }, "hush")).toBe(signature);
  });

  it("ignores an existing signature parameter", () => {
    const params = { ...base, logged_in_customer_id: "1" };
    expect(signAppProxyQuery({ ...params, signature: "abc" }, "hush")).toBe(
      signAppProxyQuery(params, "hush"),
    );
  });
});
