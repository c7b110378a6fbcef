// /api/emails* (this app's email API: web/server/emails/email-api-routes.ts).

export type TemplateSource = { subject: string; html: string; text: string };
export type TemplateListItem = {
  kind: string;
  locale: string;
  customized: boolean;
  updatedAt: string | null;
};
export type TemplateList = { kinds: string[]; locales: string[]; templates: TemplateListItem[] };
export type TemplateDetail = {
  template: TemplateSource & { kind: string; locale: string; customized: boolean; updatedAt: string | null };
  defaults: TemplateSource;
  variables: { name: string; description: string }[];
};
export type LiquidError = { part: keyof TemplateSource; line: number; column: number; message: string };
/** A variable this kind of email does not have: it renders empty. */
export type LiquidWarning = LiquidError & { variable: string };
export type Preview = { preview: TemplateSource; warnings: LiquidWarning[] };

export const KIND_LABELS: Record<string, string> = {
  double_opt_in: "Confirm subscription (double opt-in)",
  restock: "Back in stock",
  backorder_confirmation: "Backorder confirmation",
  eta_changed: "ETA changed",
  backorder_ready: "Backorder ready to ship",
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
