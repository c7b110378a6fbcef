import { z } from "zod";
import { describe, expect, it } from "vitest";
import { fieldErrorSentence } from "./field-error-sentences.ts";
import { ADMIN_LANGUAGES, type AdminLanguage } from "./admin-language.ts";

const headerSafe = z.string().regex(/^[^\r\n]*$/, "must be a single line");
const schema = z
  .object({
    threshold: z.number().int().min(0),
    discount: z.number().positive().max(100),
    days: z.number().int().min(14).max(730),
    tag: z.string().trim().min(1).max(40),
    tags: z.array(z.string()).max(2),
    replyTo: z.union([z.email(), z.literal(""), z.null()]),
    kind: z.enum(["percentage", "amount"]),
    name: headerSafe,
    productId: z.string().refine((v) => /^\d+$/.test(v), "must be a numeric product id"),
    enabled: z.boolean(),
  })
  .partial()
  .strict();

function sentences(input: unknown, language: AdminLanguage = "en"): Record<string, string[]> {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error("expected a refusal");
  const flat = z.flattenError(parsed.error, (issue) => fieldErrorSentence(issue, language));
  return { ...flat.fieldErrors, ...(flat.formErrors.length ? { "": flat.formErrors } : {}) };
}

describe("fieldErrorSentence", () => {
  it.each([
    [{ threshold: -1 }, "threshold", "Enter 0 or more"],
    [{ threshold: 1.5 }, "threshold", "Enter a whole number"],
    [{ threshold: null }, "threshold", "Enter a number"],
    [{ discount: 0 }, "discount", "Enter a number above 0"],
    [{ discount: 101 }, "discount", "Enter 100 or less"],
    [{ days: 7 }, "days", "Enter 14 or more"],
    [{ tag: "  " }, "tag", "Enter a value"],
    [{ tag: "x".repeat(41) }, "tag", "Use at most 40 characters"],
    [{ tags: ["a", "b", "c"] }, "tags", "Choose at most 2 items"],
    [{ replyTo: "not-an-email" }, "replyTo", "Enter a valid email address"],
    [{ kind: "bogus" }, "kind", "Choose one of: percentage, amount"],
    [{ name: "a\nb" }, "name", "Must be a single line"],
    [{ productId: "abc" }, "productId", "Must be a numeric product id"],
    [{ enabled: "yes" }, "enabled", "Choose yes or no"],
    [{ typo: 1 }, "", "Unknown field: typo"],
  ])("%j -> %s: %s", (input, field, sentence) => {
    expect(sentences(input)[field]).toEqual([sentence]);
  });

  it("never passes zod's own wording through", () => {
    const all = Object.values(
      sentences({ threshold: -1, discount: 0, tag: "", tags: [1, 2, 3], replyTo: 5, kind: 1, enabled: 2 }),
    ).flat();
    for (const text of all) expect(text).not.toMatch(/^(Invalid|Too small|Too big|Unrecognized)/);
  });

  it.each([
    ["fr", { threshold: -1 }, "threshold", "Saisissez 0 ou plus"],
    ["fr", { tag: "x".repeat(41) }, "tag", "Utilisez au plus 40 caractères"],
    ["fr", { replyTo: "not-an-email" }, "replyTo", "Saisissez une adresse e-mail valide"],
    // French typography: a non-breaking space before the colon.
    ["fr", { kind: "bogus" }, "kind", "Choisissez parmi\u00a0: percentage, amount"],
    ["fr", { typo: 1 }, "", "Champ inconnu\u00a0: typo"],
    ["de", { discount: 101 }, "discount", "Gib 100 oder weniger ein"],
    ["de", { tags: ["a", "b", "c"] }, "tags", "Wähle höchstens 2 Elemente"],
    ["es", { days: 7 }, "days", "Introduce 14 o más"],
    ["es", { kind: "bogus" }, "kind", "Elige una de estas opciones: percentage, amount"],
    ["es", { typo: 1 }, "", "Campo desconocido: typo"],
  ] as const)("in %s: %j -> %s: %s", (language, input, field, sentence) => {
    expect(sentences(input, language)[field]).toEqual([sentence]);
  });

  it("words every issue in every language, never in English outside English", () => {
    const input = {
      threshold: -1,
      discount: 0,
      tag: "",
      tags: [1, 2, 3],
      replyTo: 5,
      kind: 1,
      enabled: 2,
      x: 1,
    };
    const english = Object.values(sentences(input)).flat();
    for (const language of ADMIN_LANGUAGES.filter((l) => l !== "en")) {
      const worded = Object.values(sentences(input, language)).flat();
      expect(worded).toHaveLength(english.length);
      for (const [i, text] of worded.entries()) expect(text, language).not.toBe(english[i]);
    }
  });
});
