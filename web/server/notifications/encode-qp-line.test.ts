import { describe, expect, it } from "vitest";
import { encodeQpLine } from "./encode-qp-line.ts";

/** RFC 2045 6.7 decoding: soft breaks removed, =XX to its byte, the bytes read as UTF-8. */
function decodeQp(encoded: string): string {
  const bytes: number[] = [];
  const text = encoded.replace(/=\r\n/g, "");
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "=") {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(text.charCodeAt(i));
  }
  return Buffer.from(bytes).toString("utf8");
}

// Deterministic pseudo-random lines mixing what a link or an address can hold.
function lines(count: number): string[] {
  const alphabet = [..."abcXYZ019 =&?/.:-_\t\"'<>%~", "é", "ß", "–", "€", "😀", "中"];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, () => {
    const length = Math.floor(next() * 260);
    return Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
  });
}

describe("encodeQpLine", () => {
  const samples = [
    "",
    "plain",
    `Link: https://shop.example/products/mug?variant=1&utm_source=backorder-hub&bh_token=${"x".repeat(60)}`,
    "ends in a space ",
    "ends in a tab\t",
    "=".repeat(80),
    "é".repeat(40),
    "😀".repeat(30),
    ...lines(400),
  ];

  it("decodes back to the line, in 7-bit lines of at most 76 characters", () => {
    for (const line of samples) {
      const encoded = encodeQpLine(line);
      expect(decodeQp(encoded)).toBe(line);
      expect(encoded).toMatch(/^[\t\x20-\x7e\r\n]*$/);
      for (const part of encoded.split("\r\n")) {
        expect(part.length).toBeLessThanOrEqual(76);
        expect(part).not.toMatch(/[ \t]$/);
      }
    }
  });

  it("writes what needs no encoding as it is, and = as =3D", () => {
    expect(encodeQpLine("a=b c")).toBe("a=3Db c");
    expect(encodeQpLine("zoë ")).toBe("zo=C3=AB=20");
  });

  it("keeps a character's bytes on one line", () => {
    for (const part of encodeQpLine("€".repeat(40)).split("=\r\n")) expect(part.length % 9).toBe(0);
  });
});
