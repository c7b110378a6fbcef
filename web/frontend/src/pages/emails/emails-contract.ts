// /api/emails* labels and 422 readers; the response shapes are in web/contract/api-responses.ts.
import type {
  LiquidError,
  LiquidWarning,
  PreviewResponse,
  TemplateDetailResponse,
  TemplateListResponse,
  TemplateSource,
} from "../../../../contract/api-responses.ts";

export type { LiquidError, LiquidWarning, TemplateSource };
export type TemplateList = TemplateListResponse;
export type TemplateDetail = TemplateDetailResponse;
export type Preview = PreviewResponse;

export const KIND_LABELS: Record<string, string> = {
  double_opt_in: "Confirm subscription (double opt-in)",
  restock: "Back in stock",
  backorder_confirmation: "Backorder confirmation",
  eta_changed: "ETA changed",
  backorder_ready: "Backorder ready to ship",
  renewal: "Alert ends soon (renew)",
  restock_reminder: "Back in stock reminder",
  alerts_link: "Link to manage alerts (guests)",
};

export const LOCALE_LABELS: Record<string, string> = {
  en: "English",
  fr: "French",
  de: "German",
  es: "Spanish",
};

/** The 422 body's `details.warnings` (unknown variables), next to its errors. */
export function liquidWarnings(details: unknown): LiquidWarning[] {
  const warnings = (details as { warnings?: unknown } | null)?.warnings;
  return Array.isArray(warnings) ? (warnings as LiquidWarning[]) : [];
}

/** The 422 body's `details.errors`, when the server refused the Liquid. */
export function liquidErrors(details: unknown): LiquidError[] | null {
  const errors = (details as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) ? (errors as LiquidError[]) : null;
}
