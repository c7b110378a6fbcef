import type { Template } from "liquidjs";
import { footerFor } from "../templates/layout-strings.ts";
import type { EmailContext } from "../templates/variables.ts";
import type { LiquidEngines } from "./create-liquid-engines.ts";
import type { LayoutSource } from "./load-default-template.ts";
import type { SupportedLocale } from "./resolve-locale.ts";
import { sanitizeSubject } from "./sanitize-subject.ts";
import type { RenderedEmail, TemplateKind, TemplateSource } from "./template-kinds.ts";

/**
 * One (kind, locale) template parsed once; `render` only personalises, so a fan-out to
 * thousands of subscribers parses nothing per recipient.
 */
export interface PreparedTemplate<K extends TemplateKind = TemplateKind> {
  readonly kind: K;
  readonly locale: SupportedLocale;
  readonly origin: "default" | "override";
  render(context: EmailContext<K>): Promise<RenderedEmail>;
}

export interface ParsedLayout {
  html: Template[];
  text: Template[];
}

export function parseLayout(engines: LiquidEngines, layout: LayoutSource): ParsedLayout {
  return { html: engines.html.parse(layout.html), text: engines.text.parse(layout.text) };
}

/** Throws liquidjs' ParseError/TokenizationError when a part does not parse. */
export function prepareTemplate<K extends TemplateKind>(
  engines: LiquidEngines,
  layout: ParsedLayout,
  kind: K,
  locale: SupportedLocale,
  source: TemplateSource,
  origin: "default" | "override",
): PreparedTemplate<K> {
  const subject = engines.text.parse(source.subject);
  const html = engines.html.parse(source.html);
  const text = engines.text.parse(source.text);

  return {
    kind,
    locale,
    origin,
    async render(context) {
      // The template's language wins over whatever the caller put in `locale`, so
      // `format_date` and `<html lang>` match the copy.
      const scope = { ...context, locale };
      const [rawSubject, htmlBody, textBody] = await Promise.all([
        engines.text.render(subject, scope) as Promise<string>,
        engines.html.render(html, scope) as Promise<string>,
        engines.text.render(text, scope) as Promise<string>,
      ]);
      const renderedSubject = sanitizeSubject(rawSubject);
      const footer = footerFor(locale, kind, context.shop.name);
      const [renderedHtml, renderedText] = await Promise.all([
        engines.html.render(layout.html, { ...scope, subject: renderedSubject, content: htmlBody, footer }),
        engines.text.render(layout.text, { ...scope, content: normalizeText(textBody), footer }),
      ]);
      return {
        subject: renderedSubject,
        html: renderedHtml as string,
        text: normalizeText(renderedText as string),
      };
    },
  };
}

// Liquid tags leave stray blank lines and trailing spaces; merchants should not have to
// master whitespace control to get a tidy plain-text part.
function normalizeText(text: string): string {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd());
  return `${lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}
