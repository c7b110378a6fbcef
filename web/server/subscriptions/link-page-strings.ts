import type { SupportedLocale } from "../emails/render/resolve-locale.ts";

/** A page's heading and sentence; `{item}` and `{shop}` are filled in by the routes. */
export type PageCopy = readonly [title: string, message: string];
/** A page that asks first: its heading, its question and the button that POSTs. */
export type AskCopy = { title: string; message: string; button: string };

/** The pages behind the links of alert emails (email-link-routes.ts), in the email's language. */
export interface LinkPageStrings {
  notFound: PageCopy;
  confirmAsk: AskCopy;
  confirm: Record<"confirmed" | "already_confirmed" | "expired" | "unsubscribed", PageCopy>;
  renewAsk: AskCopy;
  renew: Record<"renewed" | "already_live" | "notified" | "unconfirmed", PageCopy>;
  unsubscribeAsk: AskCopy;
  unsubscribed: PageCopy;
}

// Non-breaking spaces (U+00A0) before French "?" are intentional.
export const linkPageStrings: Record<SupportedLocale, LinkPageStrings> = {
  en: {
    notFound: ["Link not found", "This link is not valid any more."],
    confirmAsk: {
      title: "Confirm your back-in-stock alert",
      message: "Email me once when {item} is back in stock at {shop}?",
      button: "Yes, notify me",
    },
    confirm: {
      confirmed: ["You're subscribed", "We'll email you once when {item} is back in stock at {shop}."],
      already_confirmed: [
        "You're subscribed",
        "This alert was already confirmed. We'll email you when {item} is back at {shop}.",
      ],
      expired: [
        "This link has expired",
        "Confirmation links are valid for 7 days. Sign up again on the product page of {item} at {shop}.",
      ],
      unsubscribed: [
        "You unsubscribed",
        "This address is unsubscribed from alerts of {shop}. Sign up again on the product page.",
      ],
    },
    renewAsk: {
      title: "Keep your back-in-stock alert",
      message: "Keep my alert for when {item} is back in stock at {shop}?",
      button: "Yes, keep my alert",
    },
    renew: {
      renewed: ["Your alert is renewed", "We'll let you know once when {item} is back in stock at {shop}."],
      already_live: ["You're subscribed", "You already have a live alert for {item} at {shop}."],
      notified: [
        "This alert was sent",
        "We already emailed you that {item} was back at {shop}. Sign up again on the product page for the next restock.",
      ],
      unconfirmed: ["This link has expired", "Sign up again on the product page of {item} at {shop}."],
    },
    unsubscribeAsk: {
      title: "Unsubscribe",
      message: "Stop back-in-stock alerts from {shop}?",
      button: "Unsubscribe",
    },
    unsubscribed: ["You're unsubscribed", "You will not get alerts from {shop} any more."],
  },
  fr: {
    notFound: ["Lien introuvable", "Ce lien n’est plus valide."],
    confirmAsk: {
      title: "Confirmez votre alerte de retour en stock",
      message: "Recevoir un seul e-mail quand {item} sera de retour en stock chez {shop}\u00a0?",
      button: "Oui, prévenez-moi",
    },
    confirm: {
      confirmed: [
        "Inscription confirmée",
        "Nous vous enverrons un seul e-mail quand {item} sera de retour en stock chez {shop}.",
      ],
      already_confirmed: [
        "Inscription confirmée",
        "Cette alerte était déjà confirmée. Nous vous écrirons quand {item} sera de retour chez {shop}.",
      ],
      expired: [
        "Ce lien a expiré",
        "Les liens de confirmation sont valables 7 jours. Inscrivez-vous à nouveau sur la page produit de {item} chez {shop}.",
      ],
      unsubscribed: [
        "Désabonnement effectué",
        "Cette adresse est désabonnée des alertes de {shop}. Inscrivez-vous à nouveau sur la page produit.",
      ],
    },
    renewAsk: {
      title: "Conservez votre alerte de retour en stock",
      message: "Garder mon alerte pour le retour en stock de {item} chez {shop}\u00a0?",
      button: "Oui, garder mon alerte",
    },
    renew: {
      renewed: [
        "Votre alerte est renouvelée",
        "Nous vous préviendrons une seule fois quand {item} sera de retour en stock chez {shop}.",
      ],
      already_live: ["Inscription confirmée", "Vous avez déjà une alerte active pour {item} chez {shop}."],
      notified: [
        "Cette alerte a été envoyée",
        "Nous vous avons déjà écrit que {item} était de retour chez {shop}. Inscrivez-vous à nouveau sur la page produit pour le prochain réassort.",
      ],
      unconfirmed: [
        "Ce lien a expiré",
        "Inscrivez-vous à nouveau sur la page produit de {item} chez {shop}.",
      ],
    },
    unsubscribeAsk: {
      title: "Se désabonner",
      message: "Ne plus recevoir les alertes de retour en stock de {shop}\u00a0?",
      button: "Se désabonner",
    },
    unsubscribed: ["Désabonnement effectué", "Vous ne recevrez plus d’alertes de {shop}."],
  },
  de: {
    notFound: ["Link nicht gefunden", "Dieser Link ist nicht mehr gültig."],
    confirmAsk: {
      title: "Bestätigen Sie Ihre Benachrichtigung",
      message: "Einmal per E-Mail benachrichtigen, sobald {item} bei {shop} wieder auf Lager ist?",
      button: "Ja, benachrichtigen",
    },
    confirm: {
      confirmed: [
        "Sie sind angemeldet",
        "Wir schreiben Ihnen einmal, sobald {item} bei {shop} wieder auf Lager ist.",
      ],
      already_confirmed: [
        "Sie sind angemeldet",
        "Diese Benachrichtigung war bereits bestätigt. Wir schreiben Ihnen, sobald {item} bei {shop} wieder da ist.",
      ],
      expired: [
        "Dieser Link ist abgelaufen",
        "Bestätigungslinks gelten 7 Tage. Melden Sie sich auf der Produktseite von {item} bei {shop} erneut an.",
      ],
      unsubscribed: [
        "Sie sind abgemeldet",
        "Diese Adresse ist von den Benachrichtigungen von {shop} abgemeldet. Melden Sie sich auf der Produktseite erneut an.",
      ],
    },
    renewAsk: {
      title: "Benachrichtigung behalten",
      message: "Meine Benachrichtigung für {item} bei {shop} behalten?",
      button: "Ja, behalten",
    },
    renew: {
      renewed: [
        "Ihre Benachrichtigung wurde verlängert",
        "Wir geben Ihnen einmal Bescheid, sobald {item} bei {shop} wieder auf Lager ist.",
      ],
      already_live: [
        "Sie sind angemeldet",
        "Sie haben bereits eine aktive Benachrichtigung für {item} bei {shop}.",
      ],
      notified: [
        "Diese Benachrichtigung wurde gesendet",
        "Wir haben Ihnen bereits geschrieben, dass {item} bei {shop} wieder da ist. Für die nächste Lieferung melden Sie sich auf der Produktseite erneut an.",
      ],
      unconfirmed: [
        "Dieser Link ist abgelaufen",
        "Melden Sie sich auf der Produktseite von {item} bei {shop} erneut an.",
      ],
    },
    unsubscribeAsk: {
      title: "Abmelden",
      message: "Keine Benachrichtigungen zur Wiederverfügbarkeit von {shop} mehr erhalten?",
      button: "Abmelden",
    },
    unsubscribed: ["Sie sind abgemeldet", "Sie erhalten keine Benachrichtigungen von {shop} mehr."],
  },
  es: {
    notFound: ["Enlace no encontrado", "Este enlace ya no es válido."],
    confirmAsk: {
      title: "Confirma tu aviso de reposición",
      message: "¿Te enviamos un único correo cuando {item} vuelva a estar disponible en {shop}?",
      button: "Sí, avísame",
    },
    confirm: {
      confirmed: [
        "Suscripción confirmada",
        "Te enviaremos un único correo cuando {item} vuelva a estar disponible en {shop}.",
      ],
      already_confirmed: [
        "Suscripción confirmada",
        "Este aviso ya estaba confirmado. Te escribiremos cuando {item} vuelva a {shop}.",
      ],
      expired: [
        "Este enlace ha caducado",
        "Los enlaces de confirmación son válidos durante 7 días. Vuelve a suscribirte en la página del producto {item} en {shop}.",
      ],
      unsubscribed: [
        "Te has dado de baja",
        "Esta dirección está dada de baja de los avisos de {shop}. Vuelve a suscribirte en la página del producto.",
      ],
    },
    renewAsk: {
      title: "Mantén tu aviso de reposición",
      message: "¿Mantener mi aviso para cuando {item} vuelva a estar disponible en {shop}?",
      button: "Sí, mantener mi aviso",
    },
    renew: {
      renewed: [
        "Tu aviso se ha renovado",
        "Te avisaremos una sola vez cuando {item} vuelva a estar disponible en {shop}.",
      ],
      already_live: ["Suscripción confirmada", "Ya tienes un aviso activo para {item} en {shop}."],
      notified: [
        "Este aviso ya se envió",
        "Ya te escribimos que {item} había vuelto a {shop}. Vuelve a suscribirte en la página del producto para la próxima reposición.",
      ],
      unconfirmed: [
        "Este enlace ha caducado",
        "Vuelve a suscribirte en la página del producto {item} en {shop}.",
      ],
    },
    unsubscribeAsk: {
      title: "Darse de baja",
      message: "¿Dejar de recibir avisos de reposición de {shop}?",
      button: "Darse de baja",
    },
    unsubscribed: ["Te has dado de baja", "Ya no recibirás avisos de {shop}."],
  },
};
