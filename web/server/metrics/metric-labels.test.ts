import { describe, expect, it } from "vitest";
import { jobNameLabel, routeLabel, webhookTopicLabel } from "./metric-labels.ts";

describe("metric labels come from closed sets", () => {
  it.each([
    ["orders/create", false, "invalid"],
    ["made/up-1", false, "invalid"],
    [undefined, false, "invalid"],
    ["orders/create", true, "orders/create"],
    ["customers/redact", true, "customers/redact"],
    ["made/up", true, "other"],
    [undefined, true, "other"],
  ] as const)("webhook topic %j (verified: %s) -> %s", (topic, verified, label) => {
    expect(webhookTopicLabel(topic, verified)).toBe(label);
  });

  it("a route is its pattern, whatever the case of the path that matched it", () => {
    expect(routeLabel({ baseUrl: "/PrOxY", route: { path: "/eta" } })).toBe("/proxy/eta");
    expect(routeLabel({ baseUrl: "/api", route: { path: "/etas/:variantId" } })).toBe("/api/etas/:variantId");
    expect(routeLabel({ baseUrl: "" })).toBe("unmatched");
    expect(routeLabel({ baseUrl: "", route: { path: /x/ } })).toBe("other");
  });

  it("a job name without a handler is 'other'", () => {
    const known = new Map([["send-notification", 1]]);
    expect(jobNameLabel("send-notification", known)).toBe("send-notification");
    expect(jobNameLabel("anything-else", known)).toBe("other");
  });
});
