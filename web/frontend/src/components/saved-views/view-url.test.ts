import { describe, expect, it } from "vitest";
import { sameViewQuery } from "./view-url.ts";

describe("sameViewQuery", () => {
  const open = { status: "OPEN", overdue: false, search: "", product: "" };
  it("is the same view when only spaces around the search differ", () => {
    expect(sameViewQuery({ ...open, search: " CAP-BLK " }, { ...open, search: "CAP-BLK" })).toBe(true);
  });
  it("differs on any filter", () => {
    expect(sameViewQuery({ ...open, search: "cap" }, open)).toBe(false);
    expect(sameViewQuery({ ...open, overdue: true }, open)).toBe(false);
    expect(sameViewQuery({ ...open, status: "" }, open)).toBe(false);
    expect(sameViewQuery({ ...open, product: "1" }, open)).toBe(false);
  });
});
