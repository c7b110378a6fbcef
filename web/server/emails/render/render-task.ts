import type { RenderFailure } from "./render-failure.ts";
import type { SupportedLocale } from "./resolve-locale.ts";
import type { RenderedEmail, TemplateKind, TemplateSource } from "./template-kinds.ts";
import type { TemplateValidation } from "./validate-template.ts";

/**
 * What a render thread is asked to render: a shipped default (the thread reads it from disk) or a
 * merchant's source, with a `key` (its digest) under which the thread keeps it parsed.
 */
export type TemplateRef =
  | { origin: "default"; kind: TemplateKind; locale: SupportedLocale }
  | { origin: "override"; kind: TemplateKind; locale: SupportedLocale; key: string; source: TemplateSource };

/**
 * Progress the thread writes where the pool's watchdog reads it (a SharedArrayBuffer): how many
 * items it started, when the current one started (ms after `epochMs`), and which part it is in.
 */
export const PROGRESS_STARTED = 0;
export const PROGRESS_STARTED_AT = 1;
export const PROGRESS_PART = 2;
export const PROGRESS_SLOTS = 3;
export const PROGRESS_PARTS = [
  "subject",
  "html",
  "text",
  "layout",
] as const satisfies RenderFailure["part"][];

/** What the pool asks for. */
export type RenderRequest =
  | { op: "validate"; kind?: TemplateKind; source: TemplateSource }
  | { op: "parse"; template: TemplateRef }
  | { op: "render"; template: TemplateRef; contexts: object[] };

/** A request as the thread receives it: with where to write its progress, and the budget. */
export type RenderTask = RenderRequest & { progress: Int32Array; epochMs: number; budgetMs: number };

export type RenderOutcome = { ok: true; email: RenderedEmail } | { ok: false; failure: RenderFailure };

/** What each op answers. */
export type RenderTaskResult = {
  validate: TemplateValidation;
  parse: RenderFailure | null;
  render: RenderOutcome[];
};
