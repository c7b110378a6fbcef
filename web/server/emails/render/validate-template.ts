import { LiquidError } from "liquidjs";
import type { Liquid } from "liquidjs";
import { getSampleContext } from "../templates/variables.ts";
import { createLiquidEngines } from "./create-liquid-engines.ts";
import { findUnknownVariables } from "./find-unknown-variables.ts";
import { templateKinds, templateParts } from "./template-kinds.ts";
import type { TemplateKind, TemplatePart, TemplateSource } from "./template-kinds.ts";

export interface TemplateValidationError {
  part: TemplatePart;
  line: number;
  column: number;
  message: string;
}

/** Something that renders, but not as the merchant meant: a variable this email does not have. */
export type TemplateValidationWarning = TemplateValidationError & { variable: string };

export type TemplateValidation =
  | { ok: true; warnings: TemplateValidationWarning[] }
  | { ok: false; errors: TemplateValidationError[]; warnings: TemplateValidationWarning[] };

const maxLength: Record<TemplatePart, number> = { subject: 1_000, html: 100_000, text: 50_000 };

/**
 * Checks a merchant's template before it is saved: every part must parse and render
 * against the sample context (of `kind` if given, else one holding every kind's
 * variables), and the subject must not render empty. Each variable the template reads that
 * this context does not have is a warning: it would print nothing.
 */
export function validateTemplate(source: TemplateSource, kind?: TemplateKind): TemplateValidation {
  const engines = createLiquidEngines();
  const context = { ...sampleContextFor(kind), locale: "en" };
  const errors: TemplateValidationError[] = [];
  const warnings: TemplateValidationWarning[] = [];
  for (const part of templateParts) {
    const text = source[part];
    if (text.length > maxLength[part]) {
      errors.push({ part, line: 1, column: 1, message: `Too long: at most ${maxLength[part]} characters` });
      continue;
    }
    const engine: Liquid = part === "html" ? engines.html : engines.text;
    try {
      const parsed = engine.parse(text);
      for (const unknown of findUnknownVariables(engine, parsed, text, context)) {
        warnings.push({
          part,
          line: unknown.line,
          column: unknown.column,
          variable: unknown.name,
          message: `Unknown variable {{ ${unknown.name} }}: this email has no such variable, so it prints nothing`,
        });
      }
      const rendered: unknown = engine.renderSync(parsed, context);
      if (part === "subject" && String(rendered).trim() === "") {
        errors.push({ part, line: 1, column: 1, message: "The subject is empty" });
      }
    } catch (error) {
      errors.push(toValidationError(part, error));
    }
  }
  return errors.length === 0 ? { ok: true, warnings } : { ok: false, errors, warnings };
}

function sampleContextFor(kind: TemplateKind | undefined): object {
  if (kind) return getSampleContext(kind);
  // eta_changed goes last so its richer `lines` (with previous dates) win the merge.
  const ordered = [...templateKinds.filter((k) => k !== "eta_changed"), "eta_changed" as const];
  return Object.assign({}, ...ordered.map((k) => getSampleContext(k)));
}

function toValidationError(part: TemplatePart, error: unknown): TemplateValidationError {
  if (error instanceof LiquidError) {
    const [line = 1, column = 1] = error.token.getPosition();
    // liquidjs appends the position to the message; the editor shows it separately.
    const message = error.message.replace(/, line:\d+, col:\d+$/, "");
    return { part, line, column, message };
  }
  return { part, line: 1, column: 1, message: error instanceof Error ? error.message : String(error) };
}
