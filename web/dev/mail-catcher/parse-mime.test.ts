import nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";
import { decodeWords, parseMime } from "./parse-mime.ts";
import { extractLinks } from "./render-mail-pages.ts";

async function build(opts: { textEncoding?: "quoted-printable" | "base64"; html?: string; text?: string }) {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = await transport.sendMail({
    from: "Backorder Hub <no-reply@localhost>",
    to: "zoë@example.com",
    subject: "Ihr Artikel ist wieder da – Merino Wool Beanie ✓",
    html:
      opts.html ??
      '<p>Bonjour <a href="http://localhost:3000/subscriptions/confirm/abc?x=1&amp;y=2">confirmer</a> – déjà</p>',
    text: opts.text ?? "Bonjour – déjà\nhttp://localhost:3000/subscriptions/confirm/abc",
    textEncoding: opts.textEncoding,
    headers: { "List-Unsubscribe": "<http://localhost:3000/unsubscribe/t>" },
  });
  return (info.message as Buffer).toString("utf8");
}

describe("parseMime on messages nodemailer builds", () => {
  it.each(["quoted-printable", "base64"] as const)(
    "decodes %s bodies, subject and headers",
    async (encoding) => {
      const mail = parseMime(await build({ textEncoding: encoding }));
      expect(mail.subject).toBe("Ihr Artikel ist wieder da – Merino Wool Beanie ✓");
      expect(mail.to).toBe("zoë@example.com");
      expect(mail.html).toContain("confirmer</a> – déjà");
      expect(mail.text).toBe("Bonjour – déjà\nhttp://localhost:3000/subscriptions/confirm/abc");
      expect(mail.headers).toContainEqual(["List-Unsubscribe", "<http://localhost:3000/unsubscribe/t>"]);
    },
  );

  it("keeps long lines joined across soft line breaks", async () => {
    const long = `<p>${"x".repeat(300)} é ${"y".repeat(200)}</p>`;
    expect(parseMime(await build({ textEncoding: "quoted-printable", html: long })).html).toBe(long);
  });

  it("lists the links of a message, entities decoded", async () => {
    const links = extractLinks(parseMime(await build({})));
    expect(links).toEqual([
      "http://localhost:3000/subscriptions/confirm/abc?x=1&y=2",
      "http://localhost:3000/subscriptions/confirm/abc",
    ]);
  });

  it.each([
    ["=?UTF-8?Q?caf=C3=A9_ouvert?=", "café ouvert"],
    ["=?UTF-8?B?w6lsw6h2ZQ==?= =?UTF-8?B?IMOgIGpvdXI=?=", "élève à jour"],
    ["plain subject", "plain subject"],
  ])("decodes header words %s", (raw, expected) => {
    expect(decodeWords(raw)).toBe(expected);
  });
});
