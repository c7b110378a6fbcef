import { describe, expect, it } from "vitest";
import { loadDefaultTemplate } from "./load-default-template.ts";
import { supportedLocales } from "./resolve-locale.ts";
import { listTemplateKinds } from "./template-kinds.ts";
import type { TemplateSource } from "./template-kinds.ts";
import { validateTemplate } from "./validate-template.ts";

const valid: TemplateSource = {
  subject: "Back: {{ variant.product_title }}",
  html: "<p>{{ variant.product_title }}</p>",
  text: "{{ variant.product_title }}",
};

const matrix = listTemplateKinds().flatMap((kind) =>
  supportedLocales.map((locale) => [kind, locale] as const),
);

describe("validateTemplate", () => {
  it.each(matrix)("accepts the shipped %s/%s default", async (kind, locale) => {
    expect(validateTemplate(await loadDefaultTemplate(kind, locale), kind)).toEqual({
      ok: true,
      warnings: [],
    });
  });

  it("accepts a template with no kind, against every kind's variables", () => {
    const source = { ...valid, text: "{% for line in lines %}{{ line.previous_eta_formatted }}{% endfor %}" };
    expect(validateTemplate(source)).toEqual({ ok: true, warnings: [] });
  });

  it.each([
    [
      "an unclosed tag in the html part",
      { html: "<p>\n  Hello\n  {% if variant.title %}open\n</p>" },
      { part: "html", line: 3, column: 3, message: "tag {% if variant.title %} not closed" },
    ],
    [
      "an unknown filter in the subject",
      { subject: "Back: {{ variant.product_title | shout }}" },
      { part: "subject", line: 1, column: 7, message: "undefined filter: shout" },
    ],
    [
      "an unclosed output in the text part",
      { text: "Line one\nLine two {{ variant.url" },
      { part: "text", line: 2, column: 10, message: 'output "{{ variant.url" not closed' },
    ],
    [
      "a tag that reaches for the file system",
      { html: "ok\n{% render 'secrets.txt' %}" },
      { part: "html", line: 2, column: 1, message: expect.stringContaining("Failed to lookup") },
    ],
    [
      "an empty subject",
      { subject: "{{ nothing }}  " },
      { part: "subject", line: 1, column: 1, message: "The subject is empty" },
    ],
    [
      "an oversized part",
      { subject: "x".repeat(1_001) },
      { part: "subject", line: 1, column: 1, message: expect.stringContaining("Too long") },
    ],
  ])("reports %s with its position", (_name, change, expected) => {
    expect(validateTemplate({ ...valid, ...change }, "restock")).toMatchObject({
      ok: false,
      errors: [expected],
    });
  });

  it("warns about every variable the kind does not provide, loop variables included", () => {
    const source = {
      subject: "Ready: {{ varient.title }}",
      html: [
        "<p>{{ customer.first_name }} {{ shop.nam }}</p>",
        "{% for line in lines %}{{ line.titel }} {{ line.title }} {{ forloop.index }}{% endfor %}",
        "{% for i in (1..3) %}{{ i }}{% endfor %}{% assign total = lines.size %}{{ total }}{{ lines.first.eta }}",
      ].join("\n"),
      text: "{{ order.name }} {% if discount %}{{ discount.code }}{% endif %}",
    };
    const result = validateTemplate(source, "backorder_ready");
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => [w.part, w.line, w.column, w.variable])).toEqual([
      ["subject", 1, 11, "varient.title"],
      ["html", 1, 33, "shop.nam"],
      ["html", 2, 27, "line.titel"],
      ["text", 1, 24, "discount"],
      ["text", 1, 38, "discount.code"],
    ]);
    expect(result.warnings[0]?.message).toBe(
      "Unknown variable {{ varient.title }}: this email has no such variable, so it prints nothing",
    );
  });

  it("reports every broken part at once", () => {
    const result = validateTemplate({ subject: "{{ a | nope }}", html: "{% for x in y %}", text: "fine" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((error) => error.part)).toEqual(["subject", "html"]);
  });
});
