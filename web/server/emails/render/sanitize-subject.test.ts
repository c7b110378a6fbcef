import { describe, expect, it } from "vitest";
import { sanitizeSubject } from "./sanitize-subject.ts";

describe("sanitizeSubject", () => {
  it.each([
    ["Back in stock: Hoodie", "Back in stock: Hoodie"],
    ["Hoodie\r\nBcc: victim@example.com", "Hoodie Bcc: victim@example.com"],
    ["Hoodie\nX-Injected: 1", "Hoodie X-Injected: 1"],
    ["Hoodie\rX-Injected: 1", "Hoodie X-Injected: 1"],
    ["Hoodie\u2028X: 1\u2029Y", "Hoodie X: 1 Y"],
    ["Tab\tand\u0000nul\u007f", "Tab and nul"],
    ["  padded  \n", "padded"],
    ["Commande #1\u00a0: prête", "Commande #1\u00a0: prête"],
    ["Ünïcödé 🧦 ok", "Ünïcödé 🧦 ok"],
  ])("%j -> %j", (input, expected) => {
    expect(sanitizeSubject(input)).toBe(expected);
  });

  it("caps very long subjects without splitting a character", () => {
    const result = sanitizeSubject("🧦".repeat(400));
    expect(Array.from(result)).toHaveLength(250);
    expect(result.endsWith("🧦…")).toBe(true);
  });
});
