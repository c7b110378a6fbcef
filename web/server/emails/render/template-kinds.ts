export const templateKinds = [
  "double_opt_in",
  "restock",
  "backorder_confirmation",
  "eta_changed",
  "backorder_ready",
] as const;

export type TemplateKind = (typeof templateKinds)[number];

export const templateParts = ["subject", "html", "text"] as const;

export type TemplatePart = (typeof templateParts)[number];

/** The three Liquid sources of one email; a merchant override has the same shape. */
export type TemplateSource = Record<TemplatePart, string>;

export type RenderedEmail = Record<TemplatePart, string>;

export function listTemplateKinds(): readonly TemplateKind[] {
  return templateKinds;
}

export function isTemplateKind(value: string): value is TemplateKind {
  return (templateKinds as readonly string[]).includes(value);
}
