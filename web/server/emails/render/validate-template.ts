import { getSampleContext } from "../templates/sample-contexts.ts";
import { createLiquidEngines, type LiquidEngines } from "./create-liquid-engines.ts";
import { findUnknownVariables } from "./find-unknown-variables.ts";
import { renderPart, startBudget, type RenderBudget } from "./render-email.ts";
import { TemplateRenderError, toRenderFailure, type RenderFailure } from "./render-failure.ts";
import type { LiquidSentence } from "./liquid-sentence.ts";
import { RENDER_BUDGET_MS } from "./render-limits.ts";
import { templateKinds, templateParts } from "./template-kinds.ts";
import type { TemplateKind, TemplatePart, TemplateSource } from "./template-kinds.ts";

export interface TemplateValidationError {
  part: TemplatePart;
  line: number;
  column: number;
  /** In English; `sentence` is what the admin words in the merchant's language. */
  message: string;
  sentence: LiquidSentence;
}

/** Something that renders, but not as the merchant meant: a variable this email does not have. */
export type TemplateValidationWarning = Omit<TemplateValidationError, "sentence"> & { variable: string };

export type TemplateValidation =
  | { ok: true; warnings: TemplateValidationWarning[] }
  | { ok: false; errors: TemplateValidationError[]; warnings: TemplateValidationWarning[] };

const maxLength: Record<TemplatePart, number> = { subject: 1_000, html: 100_000, text: 50_000 };

/**
 * Checks a merchant's template before it is saved: every part must parse and render
 * against the sample context (of `kind` if given, else one holding every kind's
 * variables), all parts within one render budget, and the subject must not render empty. Each
 * variable the template reads that this context does not have is a warning: it would print nothing.
 * Synchronous: the web process runs it in a render thread (render-pool.ts), never on its event loop.
 */
export function validateTemplate(
  source: TemplateSource,
  kind?: TemplateKind,
  opts: { engines?: LiquidEngines; budgetMs?: number; onPart?: RenderBudget["onPart"] } = {},
): TemplateValidation {
  const engines = opts.engines ?? createLiquidEngines();
  const context = { ...sampleContextFor(kind), locale: "en" };
  const budget = startBudget(opts.budgetMs ?? RENDER_BUDGET_MS, opts.onPart);
  const errors: TemplateValidationError[] = [];
  const warnings: TemplateValidationWarning[] = [];

  for (const part of templateParts) {
    const text = source[part];
    if (text.length > maxLength[part]) {
      errors.push({
        part,
        line: 1,
        column: 1,
        message: `Too long: at most ${maxLength[part]} characters`,
        sentence: { key: "tooLong", values: { max: maxLength[part] } },
      });
      continue;
    }
    const engine = part === "html" ? engines.html : engines.text;
    try {
      let parsed;
      try {
        parsed = engine.parse(text);
      } catch (error) {
        throw new TemplateRenderError(toRenderFailure(part, error, budget.budgetMs));
      }
      for (const unknown of findUnknownVariables(engine, parsed, text, context)) {
        warnings.push({
          part,
          line: unknown.line,
          column: unknown.column,
          variable: unknown.name,
          message: `Unknown variable {{ ${unknown.name} }}: this email has no such variable, so it prints nothing`,
        });
      }
      const rendered = renderPart(engine, parsed, context, part, budget);
      if (part === "subject" && rendered.trim() === "") {
        errors.push({
          part,
          line: 1,
          column: 1,
          message: "The subject is empty",
          sentence: { key: "emptySubject", values: {} },
        });
      }
    } catch (error) {
      if (!(error instanceof TemplateRenderError)) throw error;
      errors.push(toValidationError(part, error.failure));
      // Out of time: the parts after this one have no budget left to be judged by.
      if (error.failure.code === "too_slow") break;
    }
  }
  return errors.length === 0 ? { ok: true, warnings } : { ok: false, errors, warnings };
}

export function toValidationError(part: TemplatePart, failure: RenderFailure): TemplateValidationError {
  const { line, column, message, sentence } = failure;
  return { part, line, column, message, sentence };
}

function sampleContextFor(kind: TemplateKind | undefined): object {
  if (kind) return getSampleContext(kind);
  // eta_changed goes last so its richer `lines` (with previous dates) win the merge.
  const ordered = [...templateKinds.filter((k) => k !== "eta_changed"), "eta_changed" as const];
  return Object.assign({}, ...ordered.map((k) => getSampleContext(k)));
}
