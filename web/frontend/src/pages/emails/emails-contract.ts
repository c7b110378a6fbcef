// /api/emails* labels and 422 readers; the response shapes are in web/contract/api-responses.ts.
import type {
  LiquidError,
  LiquidWarning,
  PreviewResponse,
  TemplateDetailResponse,
  TemplateListResponse,
  TemplateSource,
} from "../../../../contract/api-responses.ts";
import { labelKey } from "../../i18n/label-key.ts";

export type { LiquidError, LiquidWarning, TemplateSource };
export type TemplateList = TemplateListResponse;
export type TemplateDetail = TemplateDetailResponse;
export type Preview = PreviewResponse;

/** Each email's name in the catalogs (i18n/locales); a kind not listed shows as its id. */
export const KIND_LABELS = {
  double_opt_in: "emails.kind.doubleOptIn",
  restock: "emails.kind.restock",
  backorder_confirmation: "emails.kind.backorderConfirmation",
  eta_changed: "emails.kind.etaChanged",
  backorder_ready: "emails.kind.backorderReady",
  renewal: "emails.kind.renewal",
  restock_reminder: "emails.kind.restockReminder",
  alerts_link: "emails.kind.alertsLink",
} as const;

export function kindLabelKey(kind: string): (typeof KIND_LABELS)[keyof typeof KIND_LABELS] | null {
  return labelKey(KIND_LABELS, kind);
}

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
