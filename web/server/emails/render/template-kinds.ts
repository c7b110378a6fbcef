import { NOTIFICATION_KINDS, type NotificationKind } from "../../notifications/notification-kinds.ts";

/** Every notification kind has its templates: one list (notification-kinds.ts). */
export const templateKinds = NOTIFICATION_KINDS;

export type TemplateKind = NotificationKind;

export const templateParts = ["subject", "html", "text"] as const;

export type TemplatePart = (typeof templateParts)[number];

/** The three Liquid sources of one email; a merchant override has the same shape. */
export type TemplateSource = Record<TemplatePart, string>;

export type RenderedEmail = Record<TemplatePart, string>;

export function listTemplateKinds(): readonly TemplateKind[] {
  return templateKinds;
}
