import { describe, expect, it } from "vitest";
import { labelKey } from "./label-key.ts";

const STATUS = { OPEN: "backorders.status.OPEN", READY: "backorders.status.READY" } as const;

describe("labelKey", () => {
  it("gives the catalog key of a value the table knows", () => {
    expect(labelKey(STATUS, "READY")).toBe("backorders.status.READY");
  });
  it("gives null for a value it does not know, even one every object inherits", () => {
    expect(labelKey(STATUS, "ARCHIVED")).toBeNull();
    expect(labelKey(STATUS, "toString")).toBeNull();
    expect(labelKey(STATUS, "__proto__")).toBeNull();
  });
});
