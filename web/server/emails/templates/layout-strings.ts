import type { SupportedLocale } from "../render/resolve-locale.ts";
import type { TemplateKind } from "../render/template-kinds.ts";
import { storefrontLink } from "../../notifications/storefront-link.ts";

/** Footer copy of the shared layout; `{shop}` is replaced with the shop's name. */
export interface LayoutStrings {
  reason: Record<TemplateKind, string>;
  contact: string;
  unsubscribe: string;
  /** The link to the shopper alerts page (docs/shoppers.md), in alert emails. */
  manage: string;
  /** Label separator for the text part: French puts a non-breaking space before ":". */
  colon: string;
}

// Non-breaking spaces (U+00A0) before French ":", "?" and "!" are intentional.
export const layoutStrings: Record<SupportedLocale, LayoutStrings> = {
  en: {
    reason: {
      double_opt_in:
        "You received this email because this address was entered on {shop} to get a back-in-stock alert.",
      restock:
        "You received this one-time alert because you asked {shop} to let you know when this item was back.",
      backorder_confirmation: "You received this email about your order from {shop}.",
      eta_changed: "You received this email about your order from {shop}.",
      backorder_ready: "You received this email about your order from {shop}.",
      renewal: "You received this email because you asked {shop} for a back-in-stock alert that ends soon.",
      restock_reminder:
        "You received this one-time reminder because you asked {shop} to let you know when this item was back.",
      alerts_link:
        "You received this email because a link to the alerts of this address was asked for on {shop}.",
    },
    contact: "Questions? Write to us at",
    unsubscribe: "Unsubscribe",
    manage: "Manage your alerts",
    colon: ":",
  },
  fr: {
    reason: {
      double_opt_in:
        "Vous recevez cet e-mail car cette adresse a été saisie sur {shop} pour une alerte de retour en stock.",
      restock:
        "Vous recevez cette alerte unique car vous avez demandé à {shop} de vous prévenir du retour de cet article.",
      backorder_confirmation: "Vous recevez cet e-mail au sujet de votre commande chez {shop}.",
      eta_changed: "Vous recevez cet e-mail au sujet de votre commande chez {shop}.",
      backorder_ready: "Vous recevez cet e-mail au sujet de votre commande chez {shop}.",
      renewal:
        "Vous recevez cet e-mail car vous avez demandé à {shop} une alerte de retour en stock qui prend bientôt fin.",
      restock_reminder:
        "Vous recevez ce rappel unique car vous avez demandé à {shop} de vous prévenir du retour de cet article.",
      alerts_link:
        "Vous recevez cet e-mail car un lien vers les alertes de cette adresse a été demandé sur {shop}.",
    },
    contact: "Une question\u00a0? Écrivez-nous à",
    unsubscribe: "Se désabonner",
    manage: "Gérer vos alertes",
    colon: "\u00a0:",
  },
  de: {
    reason: {
      double_opt_in:
        "Sie erhalten diese E-Mail, weil diese Adresse bei {shop} für eine Benachrichtigung zur Wiederverfügbarkeit angegeben wurde.",
      restock:
        "Sie erhalten diese einmalige Benachrichtigung, weil Sie {shop} gebeten haben, Sie zu informieren, sobald der Artikel wieder da ist.",
      backorder_confirmation: "Sie erhalten diese E-Mail zu Ihrer Bestellung bei {shop}.",
      eta_changed: "Sie erhalten diese E-Mail zu Ihrer Bestellung bei {shop}.",
      backorder_ready: "Sie erhalten diese E-Mail zu Ihrer Bestellung bei {shop}.",
      renewal:
        "Sie erhalten diese E-Mail, weil Sie bei {shop} eine Benachrichtigung zur Wiederverfügbarkeit angefordert haben, die bald endet.",
      restock_reminder:
        "Sie erhalten diese einmalige Erinnerung, weil Sie {shop} gebeten haben, Sie zu informieren, sobald der Artikel wieder da ist.",
      alerts_link:
        "Sie erhalten diese E-Mail, weil bei {shop} ein Link zu den Benachrichtigungen dieser Adresse angefordert wurde.",
    },
    contact: "Fragen? Schreiben Sie uns an",
    unsubscribe: "Abmelden",
    manage: "Benachrichtigungen verwalten",
    colon: ":",
  },
  es: {
    reason: {
      double_opt_in:
        "Recibes este correo porque esta dirección se introdujo en {shop} para recibir un aviso de reposición.",
      restock:
        "Recibes este aviso único porque pediste a {shop} que te avisara cuando volviera este artículo.",
      backorder_confirmation: "Recibes este correo por tu pedido en {shop}.",
      eta_changed: "Recibes este correo por tu pedido en {shop}.",
      backorder_ready: "Recibes este correo por tu pedido en {shop}.",
      renewal: "Recibes este correo porque pediste a {shop} un aviso de reposición que termina pronto.",
      restock_reminder:
        "Recibes este recordatorio único porque pediste a {shop} que te avisara cuando volviera este artículo.",
      alerts_link: "Recibes este correo porque se pidió en {shop} un enlace a los avisos de esta dirección.",
    },
    contact: "¿Tienes preguntas? Escríbenos a",
    unsubscribe: "Darse de baja",
    manage: "Gestionar tus avisos",
    colon: ":",
  },
};

/** Emails about a back-in-stock alert link to the shopper alerts page; order emails do not. */
const ALERT_KINDS: ReadonlySet<TemplateKind> = new Set([
  "double_opt_in",
  "restock",
  "renewal",
  "restock_reminder",
]);

/** The storefront path of the shopper alerts page (the app proxy's prefix and subpath). */
export const ALERTS_PAGE_PATH = "apps/backorder/alerts";

export function footerFor(
  locale: SupportedLocale,
  kind: TemplateKind,
  shop: { name: string; url?: string },
): Omit<LayoutStrings, "reason"> & { reason: string; alerts_url: string | null } {
  const strings = layoutStrings[locale];
  return {
    reason: strings.reason[kind].replaceAll("{shop}", () => shop.name),
    contact: strings.contact,
    unsubscribe: strings.unsubscribe,
    manage: strings.manage,
    colon: strings.colon,
    alerts_url: ALERT_KINDS.has(kind) && shop.url ? alertsPageUrl(shop.url) : null,
  };
}

/** The shopper alerts page under the shop's storefront URL (emails' footer, texts), or null. */
export function alertsPageUrl(storeUrl: string): string | null {
  try {
    return storefrontLink(storeUrl, ALERTS_PAGE_PATH);
  } catch {
    return null; // not a URL (a merchant's test context): no link rather than no email
  }
}
