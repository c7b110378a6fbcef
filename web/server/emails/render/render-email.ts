import { performance } from "node:perf_hooks";
import type { Liquid, Template } from "liquidjs";
import { footerFor } from "../templates/layout-strings.ts";
import type { LiquidEngines } from "./create-liquid-engines.ts";
import type { LayoutSource } from "./load-default-template.ts";
import { TemplateRenderError, toRenderFailure, tooSlow, type RenderFailure } from "./render-failure.ts";
import type { SupportedLocale } from "./resolve-locale.ts";
import { sanitizeSubject } from "./sanitize-subject.ts";
import type { RenderedEmail, TemplateKind, TemplatePart, TemplateSource } from "./template-kinds.ts";

// Runs in a render thread (render-thread.ts): synchronous, so one render is one stretch of CPU
// that the budget can measure, and the web process's event loop never waits for it.

export type ParsedLayout = { html: Template[]; text: Template[] };
export type ParsedTemplate = Record<TemplatePart, Template[]>;

/**
 * One time budget for a whole render, shared by every part: each liquidjs call gets what is left
 * as its `renderLimit`. `onPart` tells the render pool's watchdog which part is running.
 */
export type RenderBudget = {
  budgetMs: number;
  deadline: number;
  onPart?: (part: RenderFailure["part"]) => void;
};

export function startBudget(budgetMs: number, onPart?: RenderBudget["onPart"]): RenderBudget {
  return { budgetMs, deadline: performance.now() + budgetMs, ...(onPart ? { onPart } : {}) };
}

/** Renders one part within what is left of `budget`; liquidjs' and the budget's errors become a TemplateRenderError. */
export function renderPart(
  engine: Liquid,
  template: Template[],
  scope: object,
  part: RenderFailure["part"],
  budget: RenderBudget,
): string {
  budget.onPart?.(part);
  const left = budget.deadline - performance.now();
  if (left <= 0) throw new TemplateRenderError(tooSlow(part, budget.budgetMs));
  try {
    return String(engine.renderSync(template, scope, { renderLimit: left }));
  } catch (error) {
    throw new TemplateRenderError(toRenderFailure(part, error, budget.budgetMs));
  }
}

export function parseLayout(engines: LiquidEngines, layout: LayoutSource): ParsedLayout {
  return { html: engines.html.parse(layout.html), text: engines.text.parse(layout.text) };
}

/** Parses the three parts; the first that does not parse throws a TemplateRenderError naming it. */
export function parseTemplate(
  engines: LiquidEngines,
  source: TemplateSource,
  budgetMs: number,
): ParsedTemplate {
  const parse = (part: TemplatePart): Template[] => {
    try {
      return (part === "html" ? engines.html : engines.text).parse(source[part]);
    } catch (error) {
      throw new TemplateRenderError(toRenderFailure(part, error, budgetMs));
    }
  };
  return { subject: parse("subject"), html: parse("html"), text: parse("text") };
}

/** One email: the three parts, then the shared layout around the body, in one budget. */
export function renderEmail(
  engines: LiquidEngines,
  layout: ParsedLayout,
  template: ParsedTemplate,
  target: { kind: TemplateKind; locale: SupportedLocale },
  context: { shop: { name: string; url?: string } },
  budget: RenderBudget,
): RenderedEmail {
  // The template's language wins over whatever the caller put in `locale`, so
  // `format_date` and `<html lang>` match the copy.
  const scope = { ...context, locale: target.locale };
  const subject = sanitizeSubject(renderPart(engines.text, template.subject, scope, "subject", budget));
  const htmlBody = renderPart(engines.html, template.html, scope, "html", budget);
  const textBody = renderPart(engines.text, template.text, scope, "text", budget);
  const footer = footerFor(target.locale, target.kind, context.shop);
  const html = renderPart(
    engines.html,
    layout.html,
    { ...scope, subject, content: htmlBody, footer },
    "layout",
    budget,
  );
  const text = renderPart(
    engines.text,
    layout.text,
    { ...scope, content: normalizeText(textBody), footer },
    "layout",
    budget,
  );
  return { subject, html, text: normalizeText(text) };
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
