import { readFile } from "node:fs/promises";
import type { SupportedLocale } from "./resolve-locale.ts";
import { templateParts } from "./template-kinds.ts";
import type { TemplateKind, TemplateSource } from "./template-kinds.ts";

// Defaults live as plain .liquid files so the admin editor can show them verbatim
// and translators can edit them without touching code.
const templatesDirectory = new URL("../templates/", import.meta.url);

export interface LayoutSource {
  html: string;
  text: string;
}

async function readTemplateFile(relativePath: string): Promise<string> {
  return readFile(new URL(relativePath, templatesDirectory), "utf8");
}

/** The shipped default for one kind and locale (`templates/<kind>/<locale>.<part>.liquid`). */
export async function loadDefaultTemplate(
  kind: TemplateKind,
  locale: SupportedLocale,
): Promise<TemplateSource> {
  const [subject, html, text] = await Promise.all(
    templateParts.map((part) => readTemplateFile(`${kind}/${locale}.${part}.liquid`)),
  );
  if (subject === undefined || html === undefined || text === undefined) {
    throw new Error(`Missing default template parts for ${kind}/${locale}`);
  }
  // Files end with a newline; a subject field in the editor should not.
  return { subject: subject.trimEnd(), html, text };
}

/** The shared wrapper every email body is rendered into; merchants edit bodies, not this. */
export async function loadLayout(): Promise<LayoutSource> {
  const [html, text] = await Promise.all([
    readTemplateFile("layout.html.liquid"),
    readTemplateFile("layout.text.liquid"),
  ]);
  return { html, text };
}
