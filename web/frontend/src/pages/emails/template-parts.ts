import type { TemplateSource } from "./emails-contract.ts";

/** Each part's label in the catalogs. */
export const PART_LABEL = {
  subject: "emails.partSubject",
  html: "emails.partHtml",
  text: "emails.partText",
} as const satisfies Record<keyof TemplateSource, `emails.${string}`>;

/** The three parts in the order the merchant edits them; the bodies get room to write. */
export const PART_FIELDS: { part: keyof TemplateSource; multiline?: number; maxHeight?: number }[] = [
  { part: "subject" },
  { part: "html", multiline: 14, maxHeight: 420 },
  { part: "text", multiline: 8, maxHeight: 300 },
];
