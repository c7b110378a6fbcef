import { describe, expect, it } from "vitest";
import {
  backorderViewQuerySchema,
  etaViewQuerySchema,
  viewNameKey,
  viewNameSchema,
} from "./saved-view-query.ts";

describe("saved view queries and names", () => {
  it("a view's name is the same whatever its case, spacing or Unicode form", () => {
    expect(viewNameKey(" Late ")).toBe(viewNameKey("LATE"));
    expect(viewNameKey("Cafe\u0301")).toBe(viewNameKey("CAFÉ"));
    expect(viewNameKey("Late")).not.toBe(viewNameKey("Later"));
    expect(viewNameSchema.safeParse("x".repeat(40)).success).toBe(true);
    expect(viewNameSchema.safeParse("x".repeat(41)).success).toBe(false);
    expect(viewNameSchema.safeParse("   ").success).toBe(false);
  });

  it("a query takes each list's defaults and refuses the other list's filters", () => {
    expect(backorderViewQuerySchema.parse({})).toEqual({
      status: "OPEN",
      overdue: false,
      search: "",
      product: "",
    });
    expect(etaViewQuerySchema.parse({ search: "  boots " })).toEqual({ filter: "all", search: "boots" });
    expect(etaViewQuerySchema.safeParse({ status: "OPEN" }).success).toBe(false);
    expect(backorderViewQuerySchema.safeParse({ filter: "no_eta" }).success).toBe(false);
    expect(backorderViewQuerySchema.safeParse({ product: "9223372036854775808" }).success).toBe(false);
    expect(backorderViewQuerySchema.safeParse({ product: "9223372036854775807" }).success).toBe(true);
  });
});
