import { describe, expect, it } from "vitest";
import { liquidSentence } from "./liquid-sentence.ts";
import { validateTemplate } from "./validate-template.ts";

const htmlError = (html: string) => {
  const result = validateTemplate({ subject: "Hi", html, text: "t" });
  if (result.ok) throw new Error(`${html} is valid`);
  return result.errors[0]!;
};

describe("liquidSentence: liquidjs' messages as the admin's catalog sentences", () => {
  it.each([
    ["{% foo %}", { key: "unknownTag", values: { name: "foo" } }],
    ["{{ x | nope }}", { key: "unknownFilter", values: { name: "nope" } }],
    ["{{ x", { key: "notClosed", values: { name: "{{ x" } }],
    ["{% if a %}x", { key: "notClosed", values: { name: "{% if a %}" } }],
    ["{% assign = 3 %}", { key: "invalid", values: { detail: "expected variable name" } }],
  ])("%s", (html, sentence) => {
    const error = htmlError(html);
    expect(error.sentence).toEqual(sentence);
    // The line and column stay beside the sentence; the English message stays for API clients.
    expect(error.line).toBe(1);
    expect(error.message).not.toBe("");
  });

  it("keeps a message it does not know, whole", () => {
    expect(liquidSentence("append expect 2 arguments")).toEqual({
      key: "invalid",
      values: { detail: "append expect 2 arguments" },
    });
  });

  it("gives the app's own refusals their sentence with the limit", () => {
    const empty = validateTemplate({ subject: "{{ nothing }}", html: "x", text: "x" });
    expect(empty.ok ? null : empty.errors[0]!.sentence).toEqual({ key: "emptySubject", values: {} });
    const long = validateTemplate({ subject: "x".repeat(1_001), html: "x", text: "x" });
    expect(long.ok ? null : long.errors[0]!.sentence).toEqual({ key: "tooLong", values: { max: 1_000 } });
  });
});
