import { afterAll, describe, expect, it, vi } from "vitest";
import { getSampleContext } from "../templates/sample-contexts.ts";
import { createEmailRenderer } from "./create-email-renderer.ts";
import { formatEmailDate } from "./format-email-date.ts";
import { createRenderPool } from "./render-pool.ts";
import { supportedLocales } from "./resolve-locale.ts";
import { listTemplateKinds } from "./template-kinds.ts";
import type { TemplateKind, TemplateSource } from "./template-kinds.ts";

const pool = createRenderPool();
afterAll(() => pool.close());
const renderer = createEmailRenderer({ pool });
const matrix = listTemplateKinds().flatMap((kind) =>
  supportedLocales.map((locale) => [kind, locale] as const),
);
const orderKinds = new Set<TemplateKind>(["backorder_confirmation", "eta_changed", "backorder_ready"]);

describe("createEmailRenderer: defaults", () => {
  it.each(matrix)("renders %s in %s with its sample context", async (kind, locale) => {
    const context = getSampleContext(kind, locale);
    const email = await renderer.render(kind, locale, context);

    expect(email.subject.length).toBeGreaterThan(5);
    expect(email.subject).not.toMatch(/[\r\n]|\{\{|\{%/);
    expect(email.html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(email.html).toContain(`<html lang="${locale}"`);
    for (const part of [email.html, email.text]) {
      expect(part).toContain("Alpine Outfitters");
      expect(part).not.toMatch(/\{\{|\{%|Liquid error/);
    }
    expect(email.text).not.toMatch(/<\/?[a-z][^>]*>/i);
    expect(email.text).not.toMatch(/\n{3,}/);

    if (orderKinds.has(kind)) {
      const lineTitle = "lines" in context ? (context.lines[0]?.title ?? "") : "";
      // A ready line has no date left to show.
      const eta = kind === "backorder_ready" ? lineTitle : (formatEmailDate("2026-12-12", locale) ?? "");
      expect(email.subject).toContain("#1042");
      expect(email.html).toContain(lineTitle);
      expect(email.text).toContain(lineTitle);
      expect(email.html).toContain(eta);
      expect(email.text).toContain(eta);
      expect(email.html).not.toContain("/unsubscribe/");
    } else if (kind === "alerts_link") {
      // Asked for by the guest on the alerts page: the link and how long it works, no unsubscribe.
      const link = "https://alpine-outfitters.example/apps/backorder/alerts/access/sample-token";
      expect(email.subject).toContain("Alpine Outfitters");
      expect(email.html).toContain(`href="${link}"`);
      expect(email.text).toContain(link);
      expect(email.text).toContain("24");
      expect(email.html).not.toContain("/unsubscribe/");
    } else {
      const title = "variant" in context ? context.variant.product_title : "";
      expect(email.subject).toContain(title);
      expect(email.text).toContain(title);
      expect(email.html).toContain("https://backorder-hub.example/unsubscribe/sample-token");
    }
  });

  it("puts the unsubscribe link of a restock email in both parts", async () => {
    const context = {
      ...getSampleContext("restock"),
      unsubscribe_url: "https://app.example/unsubscribe/tok?a=1&b=2",
    };
    const email = await renderer.render("restock", "en", context);
    expect(email.html).toContain('href="https://app.example/unsubscribe/tok?a=1&amp;b=2"');
    expect(email.text).toContain("Unsubscribe: https://app.example/unsubscribe/tok?a=1&b=2");
  });

  it("escapes a product title in HTML but keeps it literal in the text part and subject", async () => {
    const sample = getSampleContext("restock");
    const title = `<script>alert("x")</script> & Co`;
    const email = await renderer.render("restock", "en", {
      ...sample,
      variant: { ...sample.variant, product_title: title },
    });
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Co");
    expect(email.text).toContain(title);
    expect(email.subject).toBe(`Back in stock: ${title}`);
  });

  it("never lets CR/LF from a product title into the subject", async () => {
    const sample = getSampleContext("double_opt_in");
    const title = "Hoodie\r\nBcc: everyone@example.com\nX-Spam: yes";
    const email = await renderer.render("double_opt_in", "en", {
      ...sample,
      variant: { ...sample.variant, product_title: title },
    });
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.subject).toBe("Confirm your alert for Hoodie Bcc: everyone@example.com X-Spam: yes");
  });

  it.each([
    ["fr-CA", "fr"],
    ["de_CH", "de"],
    ["pt", "en"],
    [null, "en"],
  ])("falls back from %j to %s", async (requested, expected) => {
    const context = getSampleContext("eta_changed", expected);
    const fallback = await renderer.render("eta_changed", requested, context);
    const direct = await renderer.render("eta_changed", expected, context);
    expect(fallback).toEqual(direct);
    expect(fallback.html).toContain(`<html lang="${expected}"`);
  });

  it("hides an empty first name and variant title instead of printing blanks", async () => {
    const sample = getSampleContext("backorder_ready", "fr");
    const email = await renderer.render("backorder_ready", "fr", {
      ...sample,
      customer: {},
      lines: sample.lines.map((line) => ({ ...line, variant_title: null })),
    });
    expect(email.text.startsWith("Bonjour,\n")).toBe(true);
    expect(email.text).not.toContain("()");
  });

  it("does not reach prototype properties of the context", async () => {
    const override = {
      subject: "[{{ shop.constructor }}{{ lines.constructor.name }}]",
      html: "x",
      text: "x",
    };
    const custom = createEmailRenderer({ pool, loadOverride: async () => override });
    const email = await custom.render("backorder_ready", "en", getSampleContext("backorder_ready"));
    expect(email.subject).toBe("[]");
  });
});

describe("createEmailRenderer: prepare", () => {
  it("renders many recipients from one prepared template exactly like render()", async () => {
    const prepared = await renderer.prepare("restock", "de-AT");
    expect(prepared.locale).toBe("de");
    const sample = getSampleContext("restock", "de");
    const recipients = ["anna@example.com", "ben@example.com", "cem@example.com"].map((email, i) => ({
      ...sample,
      recipient: { email },
      unsubscribe_url: `https://backorder-hub.example/unsubscribe/token-${i}`,
    }));
    const fromPrepared = await Promise.all(recipients.map((context) => prepared.render(context)));
    const fromRender = await Promise.all(
      recipients.map((context) => renderer.render("restock", "de", context)),
    );
    expect(fromPrepared).toEqual(fromRender);
    expect(new Set(fromPrepared.map((email) => email.html)).size).toBe(3);
    expect(fromPrepared[2]?.text).toContain("Abmelden: https://backorder-hub.example/unsubscribe/token-2");
  });

  it("parses each default once per renderer", async () => {
    const first = await renderer.prepare("backorder_confirmation", "es");
    const second = await renderer.prepare("backorder_confirmation", "es-MX");
    expect(second).toBe(first);
    expect(first.origin).toBe("default");
  });
});

describe("createEmailRenderer: merchant overrides", () => {
  const override: TemplateSource = {
    subject: "Wieder da – {{ variant.product_title | upcase }}",
    html: "<p>{{ variant.product_title }} ab {{ '2026-12-12' | format_date }}</p>",
    text: "{{ variant.product_title }} ab {{ '2026-12-12' | format_date: 'long' }}",
  };

  it("uses the override for the resolved locale, inside the shared layout", async () => {
    const loadOverride = vi.fn(async (kind: TemplateKind, locale: string) =>
      kind === "restock" && locale === "de" ? override : null,
    );
    const custom = createEmailRenderer({ pool, loadOverride });
    const email = await custom.render("restock", "de-DE", getSampleContext("restock", "de"));
    expect(loadOverride).toHaveBeenCalledWith("restock", "de");
    expect(email.subject).toBe("Wieder da – MERINO-KAPUZENPULLOVER");
    expect(email.html).toContain("<p>Merino-Kapuzenpullover ab 12. Dez. 2026</p>");
    expect(email.text).toContain("Merino-Kapuzenpullover ab 12. Dezember 2026");
    // The merchant's body has no unsubscribe link; the layout footer must still carry it.
    expect(email.html).toContain("https://backorder-hub.example/unsubscribe/sample-token");
    expect(email.text).toContain("Abmelden: https://backorder-hub.example/unsubscribe/sample-token");
    expect((await custom.prepare("restock", "de")).origin).toBe("override");
  });

  it("falls back to the default when an override no longer parses, and says so", async () => {
    const warn = vi.fn();
    const broken = { ...override, html: "{% if variant %}never closed" };
    const custom = createEmailRenderer({ pool, loadOverride: async () => broken, logger: { warn } });
    const email = await custom.render("restock", "en", getSampleContext("restock"));
    expect(email.subject).toBe("Back in stock: Merino Trail Hoodie");
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("sends the default when an override fails at render time (a limit), and says why", async () => {
    const warn = vi.fn();
    const heavy = { ...override, html: "{% for i in (1..100000000) %}{{ i }}{% endfor %}" };
    const custom = createEmailRenderer({ pool, loadOverride: async () => heavy, logger: { warn } });
    const email = await custom.render("restock", "de", getSampleContext("restock", "de"));
    expect(email).toEqual(await renderer.render("restock", "de", getSampleContext("restock", "de")));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[1]).toBe(
      "email template override failed to render; sending the built-in template",
    );
  });

  it("cannot read files through include or render tags: the lookup fails and the default goes out", async () => {
    const warn = vi.fn();
    const sneaky = { ...override, html: "{% render 'package.json' %}", text: "{% include '/etc/passwd' %}" };
    const custom = createEmailRenderer({ pool, loadOverride: async () => sneaky, logger: { warn } });
    const email = await custom.render("restock", "en", getSampleContext("restock"));
    expect(email).toEqual(await renderer.render("restock", "en", getSampleContext("restock")));
    expect(String(warn.mock.calls[0]?.[0]?.err)).toMatch(/Failed to lookup/);
  });
});
