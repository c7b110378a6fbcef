import { describe, expect, it } from "vitest";
import { footerFor } from "./layout-strings.ts";

describe("email footer", () => {
  const shop = { name: "Alpine", url: "https://alpine.example/en-ca?preview=1" };
  it.each(["double_opt_in", "restock", "renewal", "restock_reminder"] as const)(
    "links a %s email to the shopper alerts page",
    (kind) => {
      expect(footerFor("fr", kind, shop)).toMatchObject({
        alerts_url: "https://alpine.example/en-ca/apps/backorder/alerts?preview=1",
        manage: "Gérer vos alertes",
      });
    },
  );

  it("gives order emails no alerts link, nor a shop without a usable URL", () => {
    expect(footerFor("en", "backorder_ready", shop).alerts_url).toBeNull();
    expect(footerFor("en", "restock", { name: "Alpine", url: "not a url" }).alerts_url).toBeNull();
    expect(footerFor("en", "restock", { name: "Alpine" }).alerts_url).toBeNull();
  });
});
