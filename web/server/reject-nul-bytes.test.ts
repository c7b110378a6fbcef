import { describe, expect, it } from "vitest";
import { containsNulByte } from "./reject-nul-bytes.ts";

describe("containsNulByte", () => {
  it("finds JSON's \\u0000 escape, after an odd run of backslashes only", () => {
    expect(containsNulByte(String.raw`{"a":"x\u0000"}`, "json")).toBe(true);
    expect(containsNulByte(String.raw`{"a":"\u0000"}`, "json")).toBe(true);
    expect(containsNulByte(String.raw`{"a":"x\\\u0000"}`, "json")).toBe(true);
    expect(containsNulByte(String.raw`{"a":"x\\u0000"}`, "json")).toBe(false); // backslash, then text
    expect(containsNulByte(String.raw`{"a":"x\u00001"}`, "json")).toBe(true);
    expect(containsNulByte(String.raw`{"a":"x\u0001"}`, "json")).toBe(false);
  });

  it("finds the raw byte in any body, and %00 in a form body", () => {
    expect(containsNulByte(Buffer.from("a,b\n1,\u0000\n"), "text")).toBe(true);
    expect(containsNulByte(Buffer.from("a,b\n1,%00\n"), "text")).toBe(false);
    expect(containsNulByte("List-Unsubscribe=One%00Click", "form")).toBe(true);
    expect(containsNulByte("List-Unsubscribe=One-Click", "form")).toBe(false);
  });
});
