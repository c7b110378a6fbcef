import { Liquid } from "liquidjs";
import { describe, expect, it } from "vitest";
import { escapeHtmlLikeLiquid } from "./escape-html.ts";
import { parseMime } from "../../dev/mail-catcher/parse-mime.ts";
import { compileRawMime, splitAtSlots } from "./raw-mime-template.ts";

const SLOTS = ["@@A@@", "@@B@@"];

describe("a MIME message encoded once, filled per recipient", () => {
  const long = "Größe M – handgestrickt aus Merino, ".repeat(6);
  const text = `Hallo,\n${long}\nLink: @@A@@ ${long}\n\n  trailing space \nAbmelden: @@B@@`;
  const html = `<p>${long}</p>\n<a href="@@A@@">${long}</a><a href="@@B@@">x</a>\n<p>Ende</p>\n`;
  const values = [
    `https://shop.example/p?variant=1&utm_source=bh&bh_token=${"t".repeat(60)}`,
    "https://a/u/'x\"<>",
  ];
  const message = compileRawMime({
    headers: {
      text: 'From: a@b.example\r\nTo: <to>\r\nContent-Type: multipart/alternative;\r\n boundary="b1"',
      slots: ["<to>"],
    },
    boundary: "b1",
    text: { text, slots: SLOTS },
    html: { text: html, slots: SLOTS },
    escapeHtml: escapeHtmlLikeLiquid,
  });
  const raw = message.fill({ headers: ["zoë@example.com"], body: values }).toString("utf8");
  const substituted = (source: string, escape: (v: string) => string) =>
    splitAtSlots(source, SLOTS)
      .map((p) => (typeof p === "string" ? p : escape(values[p]!)))
      .join("");

  it("decodes to the substituted bodies, in lines of at most 76 characters", () => {
    const parsed = parseMime(raw);
    expect(parsed.to).toBe("zoë@example.com");
    expect(parsed.text).toBe(substituted(text, (v) => v));
    expect(parsed.html).toBe(substituted(html, escapeHtmlLikeLiquid));
    const [head, ...body] = raw.split("\r\n\r\n");
    expect(head).toBe(
      'From: a@b.example\r\nTo: zoë@example.com\r\nContent-Type: multipart/alternative;\r\n boundary="b1"',
    );
    expect(body.join("\r\n\r\n")).toMatch(/^[\x20-\x7e\r\n]*$/);
    for (const line of body.join("\r\n\r\n").split("\r\n")) expect(line.length).toBeLessThanOrEqual(76);
    expect(raw.endsWith("--b1--\r\n")).toBe(true);
  });

  it("fills each recipient's own values", () => {
    const other = message
      .fill({ headers: ["b@example.com"], body: ["https://x/1", "https://x/2"] })
      .toString();
    expect(other).toContain("To: b@example.com\r\n");
    expect(other).toContain("https://x/1");
    expect(other).not.toContain("utm_source");
    expect(raw).not.toContain("@@A@@");
  });
});

describe("escapeHtmlLikeLiquid", () => {
  it("escapes as the HTML engine's outputs do", () => {
    const engine = new Liquid({ outputEscape: "escape" });
    const value = `a&b<c>d"e'f ü https://x/?a=1&b=2`;
    expect(escapeHtmlLikeLiquid(value)).toBe(engine.parseAndRenderSync("{{ v }}", { v: value }));
  });
});
