import type { SupportedLocale } from "../emails/render/resolve-locale.ts";
import type { CancelRefusal } from "./plan-cancel-request.ts";

type Copy = { title: string; message: string };

/** The pages behind the cancel link of order emails (cancel-link-routes.ts), in the email's language. */
export interface CancelPageStrings {
  invalid: Copy;
  unknown: Copy;
  used: Copy;
  nothingOpen: (order: string) => Copy;
  form: (order: string, shop: string) => Copy & { button: string };
  /** Beside each quantity field: how many units of the line are still backordered. */
  ofBackordered: (units: number) => string;
  sent: (shop: string, units: number, order: string) => Copy;
  /** Above the form, when the last submission was refused. */
  refusal: (refusal: CancelRefusal) => string;
}

// Non-breaking spaces (U+00A0) before French "?" are intentional.
export const cancelPageStrings: Record<SupportedLocale, CancelPageStrings> = {
  en: {
    invalid: {
      title: "Invalid link",
      message: "This link is not valid. Please use the link from your email.",
    },
    unknown: { title: "Link not found", message: "This link is not valid any more." },
    used: {
      title: "Request already received",
      message: "We already have your cancellation request for these items. The shop will get back to you.",
    },
    nothingOpen: (order) => ({
      title: "Nothing left to cancel",
      message: `No item of ${order} is waiting for stock any more: they are in stock and ready to ship, shipped, or cancelled. There is nothing left to cancel here.`,
    }),
    form: (order, shop) => ({
      title: `Cancel backordered items of ${order}?`,
      message: `Ask ${shop} to cancel items that are still waiting for stock. Items in stock ship as ordered. Nothing changes until the shop confirms.`,
      button: "Ask to cancel",
    }),
    ofBackordered: (units) => `of ${units} still backordered`,
    sent: (shop, units, order) => ({
      title: "Request sent",
      message: `${shop} has your request to cancel ${units} backordered ${units === 1 ? "item" : "items"} of ${order} and will confirm by email.`,
    }),
    refusal: (r) =>
      r.kind === "gone"
        ? "One of these items is no longer on backorder."
        : r.kind === "not_whole"
          ? `Enter a whole number of items for ${r.title}.`
          : r.kind === "too_many"
            ? `You asked to cancel ${r.asked} of ${r.title}, but only ${r.backordered} ${r.backordered === 1 ? "is" : "are"} still backordered.`
            : "Choose at least one item to cancel.",
  },
  fr: {
    invalid: {
      title: "Lien non valide",
      message: "Ce lien n’est pas valide. Utilisez le lien de votre e-mail.",
    },
    unknown: { title: "Lien introuvable", message: "Ce lien n’est plus valide." },
    used: {
      title: "Demande déjà reçue",
      message: "Nous avons déjà votre demande d’annulation pour ces articles. La boutique vous répondra.",
    },
    nothingOpen: (order) => ({
      title: "Plus rien à annuler",
      message: `Aucun article de ${order} n’attend plus de stock\u00a0: ils sont en stock et prêts à être expédiés, expédiés ou annulés. Il n’y a plus rien à annuler ici.`,
    }),
    form: (order, shop) => ({
      title: `Annuler les articles en rupture de ${order}\u00a0?`,
      message: `Demandez à ${shop} d’annuler les articles qui attendent encore du stock. Les articles en stock sont expédiés comme commandé. Rien ne change tant que la boutique n’a pas confirmé.`,
      button: "Demander l’annulation",
    }),
    ofBackordered: (units) => `sur ${units} encore en rupture`,
    sent: (shop, units, order) => ({
      title: "Demande envoyée",
      message: `${shop} a reçu votre demande d’annulation de ${units} ${units === 1 ? "article" : "articles"} en rupture de ${order} et vous confirmera par e-mail.`,
    }),
    refusal: (r) =>
      r.kind === "gone"
        ? "L’un de ces articles n’est plus en rupture de stock."
        : r.kind === "not_whole"
          ? `Saisissez un nombre entier d’articles pour ${r.title}.`
          : r.kind === "too_many"
            ? `Vous demandez l’annulation de ${r.asked} × ${r.title}, mais il n’en reste que ${r.backordered} en rupture.`
            : "Choisissez au moins un article à annuler.",
  },
  de: {
    invalid: {
      title: "Ungültiger Link",
      message: "Dieser Link ist ungültig. Bitte verwenden Sie den Link aus Ihrer E-Mail.",
    },
    unknown: { title: "Link nicht gefunden", message: "Dieser Link ist nicht mehr gültig." },
    used: {
      title: "Anfrage bereits erhalten",
      message:
        "Ihre Stornierungsanfrage für diese Artikel liegt uns bereits vor. Der Shop meldet sich bei Ihnen.",
    },
    nothingOpen: (order) => ({
      title: "Nichts mehr zu stornieren",
      message: `Kein Artikel von ${order} wartet mehr auf Ware: Sie sind vorrätig und versandbereit, versandt oder storniert. Hier gibt es nichts mehr zu stornieren.`,
    }),
    form: (order, shop) => ({
      title: `Nachbestellte Artikel von ${order} stornieren?`,
      message: `Bitten Sie ${shop}, Artikel zu stornieren, die noch auf Ware warten. Vorrätige Artikel werden wie bestellt versandt. Nichts ändert sich, bevor der Shop bestätigt.`,
      button: "Stornierung anfragen",
    }),
    ofBackordered: (units) => `von ${units} noch nachbestellt`,
    sent: (shop, units, order) => ({
      title: "Anfrage gesendet",
      message: `${shop} hat Ihre Anfrage, ${units} ${units === 1 ? "nachbestellten Artikel" : "nachbestellte Artikel"} von ${order} zu stornieren, und bestätigt per E-Mail.`,
    }),
    refusal: (r) =>
      r.kind === "gone"
        ? "Einer dieser Artikel ist nicht mehr nachbestellt."
        : r.kind === "not_whole"
          ? `Geben Sie für ${r.title} eine ganze Zahl ein.`
          : r.kind === "too_many"
            ? `Sie möchten ${r.asked} × ${r.title} stornieren, aber nur ${r.backordered} ${r.backordered === 1 ? "ist" : "sind"} noch nachbestellt.`
            : "Wählen Sie mindestens einen Artikel zum Stornieren aus.",
  },
  es: {
    invalid: {
      title: "Enlace no válido",
      message: "Este enlace no es válido. Usa el enlace de tu correo.",
    },
    unknown: { title: "Enlace no encontrado", message: "Este enlace ya no es válido." },
    used: {
      title: "Solicitud ya recibida",
      message:
        "Ya tenemos tu solicitud de cancelación de estos artículos. La tienda se pondrá en contacto contigo.",
    },
    nothingOpen: (order) => ({
      title: "No queda nada por cancelar",
      message: `Ningún artículo de ${order} sigue esperando stock: están disponibles y listos para enviar, enviados o cancelados. Aquí no queda nada por cancelar.`,
    }),
    form: (order, shop) => ({
      title: `¿Cancelar los artículos pendientes de ${order}?`,
      message: `Pide a ${shop} que cancele los artículos que siguen esperando stock. Los artículos disponibles se envían según el pedido. Nada cambia hasta que la tienda lo confirme.`,
      button: "Solicitar la cancelación",
    }),
    ofBackordered: (units) => (units === 1 ? "de 1 aún pendiente" : `de ${units} aún pendientes`),
    sent: (shop, units, order) => ({
      title: "Solicitud enviada",
      message: `${shop} tiene tu solicitud para cancelar ${units} ${units === 1 ? "artículo pendiente" : "artículos pendientes"} de ${order} y te lo confirmará por correo.`,
    }),
    refusal: (r) =>
      r.kind === "gone"
        ? "Uno de estos artículos ya no está pendiente."
        : r.kind === "not_whole"
          ? `Introduce un número entero de artículos para ${r.title}.`
          : r.kind === "too_many"
            ? `Pediste cancelar ${r.asked} de ${r.title}, pero solo ${r.backordered === 1 ? "queda 1 pendiente" : `quedan ${r.backordered} pendientes`}.`
            : "Elige al menos un artículo para cancelar.",
  },
};
