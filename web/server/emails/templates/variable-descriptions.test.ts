import { describe, expect, it } from "vitest";
import { templateVariables } from "./template-variable-docs.ts";
import { describeVariables, TRANSLATED_DESCRIPTIONS } from "./variable-descriptions.ts";

const all = Object.values(templateVariables).flat();

describe("describeVariables", () => {
  it("has every variable description of every template in French, German and Spanish", () => {
    const missing = [...new Set(all.map((d) => d.description))].filter(
      (d) => !TRANSLATED_DESCRIPTIONS.has(d),
    );
    expect(missing).toEqual([]);
  });

  it.each(["fr", "de", "es"] as const)(
    "%s: every description differs from English, names kept",
    (language) => {
      const worded = describeVariables(all, language);
      expect(worded.map((d) => d.name)).toEqual(all.map((d) => d.name));
      for (const [i, doc] of worded.entries()) expect(doc.description).not.toBe(all[i]!.description);
    },
  );

  it("keeps English as written", () => {
    expect(describeVariables(templateVariables.restock, "en")).toEqual(templateVariables.restock);
    expect(describeVariables([{ name: "x", description: "Not translated yet" }], "fr")).toEqual([
      { name: "x", description: "Not translated yet" },
    ]);
  });
});
