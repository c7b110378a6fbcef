// What the email editor says about a template that does not render, as a catalog sentence of the
// admin (`emails.liquid.<key>`, web/frontend/src/i18n/locales) with its values: the admin words it
// in the merchant’s language around the line and column (docs/admin-i18n.md). `message` stays English.

export type LiquidSentence =
  | { key: "tooSlow"; values: { ms: number } }
  | { key: "tooLarge" | "emptySubject"; values: Record<string, never> }
  | { key: "tooLong"; values: { max: number } }
  | { key: "unknownTag" | "unknownFilter" | "notClosed"; values: { name: string } }
  | { key: "invalid"; values: { detail: string } };

// liquidjs' wording of the mistakes merchants make most (tag "foo" not found, undefined filter: x,
// output "{{ x" not closed, tag {% if a %} not closed); anything else is quoted as liquidjs says it.
const KNOWN: [RegExp, "unknownTag" | "unknownFilter" | "notClosed"][] = [
  [/^tag "(.+)" not found$/, "unknownTag"],
  [/^undefined filter: (.+)$/, "unknownFilter"],
  [/^(?:output|tag|raw) "?(.+?)"? not closed$/, "notClosed"],
];

/** Pure: the sentence for liquidjs' own message (without its ", line:1, col:2" tail). */
export function liquidSentence(message: string): LiquidSentence {
  for (const [pattern, key] of KNOWN) {
    const name = pattern.exec(message)?.[1];
    if (name) return { key, values: { name } };
  }
  return { key: "invalid", values: { detail: message } };
}
