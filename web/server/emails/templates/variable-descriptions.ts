// The email editor's variable descriptions (template-variable-docs.ts) in the admin's other
// languages, keyed by the English description (docs/admin-i18n.md). Pure data.
import type { AdminLanguage } from "../../admin-language.ts";
import type { VariableDoc } from "./template-variable-docs.ts";

type Translations = Record<string, [fr: string, de: string, es: string]>;

const T: Translations = {
  "Your shop's name": ["Le nom de votre boutique", "Der Name deines Shops", "El nombre de tu tienda"],
  "Your shop's myshopify.com domain": [
    "Le domaine myshopify.com de votre boutique",
    "Die myshopify.com-Domain deines Shops",
    "El dominio myshopify.com de tu tienda",
  ],
  "Your customer contact email (may be empty)": [
    "Votre e-mail de contact client (peut être vide)",
    "Deine Kundenkontakt-E-Mail (kann leer sein)",
    "Tu correo de contacto para clientes (puede estar vacío)",
  ],
  "Your storefront's home page": [
    "La page d’accueil de votre boutique en ligne",
    "Die Startseite deines Onlineshops",
    "La página de inicio de tu tienda online",
  ],
  "Language of this template: en, fr, de or es": [
    "Langue de ce modèle : en, fr, de ou es",
    "Sprache dieser Vorlage: en, fr, de oder es",
    "Idioma de esta plantilla: en, fr, de o es",
  ],
  "The recipient's email address": [
    "L’adresse e-mail du destinataire",
    "Die E-Mail-Adresse des Empfängers",
    "La dirección de correo del destinatario",
  ],
  "Product title": ["Titre du produit", "Produkttitel", "Título del producto"],
  "Variant title, e.g. “Green / M” (empty for single-variant products)": [
    "Titre de la variante, par exemple « Vert / M » (vide pour les produits à variante unique)",
    "Variantentitel, z. B. „Grün / M“ (leer bei Produkten mit nur einer Variante)",
    "Título de la variante, p. ej. «Verde / M» (vacío en productos de una sola variante)",
  ],
  "Image URL (may be empty)": [
    "URL de l’image (peut être vide)",
    "Bild-URL (kann leer sein)",
    "URL de la imagen (puede estar vacía)",
  ],
  "Product page link, preselecting the variant": [
    "Lien vers la page produit, variante présélectionnée",
    "Link zur Produktseite, Variante vorausgewählt",
    "Enlace a la página del producto, con la variante preseleccionada",
  ],
  "Order number, e.g. #1001": [
    "Numéro de commande, par exemple #1001",
    "Bestellnummer, z. B. #1001",
    "Número de pedido, p. ej. #1001",
  ],
  "Link to the order status page": [
    "Lien vers la page d’état de la commande",
    "Link zur Bestellstatusseite",
    "Enlace a la página de estado del pedido",
  ],
  "Customer's first name (may be empty)": [
    "Prénom du client (peut être vide)",
    "Vorname des Kunden (kann leer sein)",
    "Nombre del cliente (puede estar vacío)",
  ],
  "Backordered lines: loop with {% for line in lines %}": [
    "Lignes en rupture : parcourez-les avec {% for line in lines %}",
    "Rückstandspositionen: Schleife mit {% for line in lines %}",
    "Líneas pendientes: recórrelas con {% for line in lines %}",
  ],
  "Variant title (may be empty)": [
    "Titre de la variante (peut être vide)",
    "Variantentitel (kann leer sein)",
    "Título de la variante (puede estar vacío)",
  ],
  "Quantity still to ship": [
    "Quantité restant à expédier",
    "Noch zu versendende Menge",
    "Cantidad pendiente de envío",
  ],
  "Quantity on backorder now (0 once ready)": [
    "Quantité en rupture actuellement (0 une fois prête)",
    "Aktuell im Rückstand befindliche Menge (0, sobald bereit)",
    "Cantidad pendiente ahora (0 cuando está lista)",
  ],
  "Quantity ordered": ["Quantité commandée", "Bestellte Menge", "Cantidad pedida"],
  "Quantity already shipped": ["Quantité déjà expédiée", "Bereits versendete Menge", "Cantidad ya enviada"],
  "Backordered quantity now in stock and ready to ship (use it in ready emails)": [
    "Quantité en rupture désormais en stock et prête à expédier (à utiliser dans les e-mails « prête »)",
    "Rückstandsmenge, die jetzt vorrätig und versandbereit ist (für die E-Mails „bereit“)",
    "Cantidad pendiente ya en stock y lista para enviar (úsala en los correos de «listo»)",
  ],
  "Quantity still waiting for stock": [
    "Quantité encore en attente de stock",
    "Menge, die noch auf Bestand wartet",
    "Cantidad que aún espera stock",
  ],
  "Expected date, YYYY-MM-DD (may be empty); try {{ line.eta | format_date }}": [
    "Date prévue, AAAA-MM-JJ (peut être vide) ; essayez {{ line.eta | format_date }}",
    "Voraussichtliches Datum, JJJJ-MM-TT (kann leer sein); probiere {{ line.eta | format_date }}",
    "Fecha estimada, AAAA-MM-DD (puede estar vacía); prueba {{ line.eta | format_date }}",
  ],
  "Expected date in the email's language (may be empty)": [
    "Date prévue dans la langue de l’e-mail (peut être vide)",
    "Voraussichtliches Datum in der Sprache der E-Mail (kann leer sein)",
    "Fecha estimada en el idioma del correo (puede estar vacía)",
  ],
  "Your ETA message for the variant (may be empty)": [
    "Votre message de date prévue pour la variante (peut être vide)",
    "Deine Liefertermin-Nachricht für die Variante (kann leer sein)",
    "Tu mensaje de fecha estimada para la variante (puede estar vacío)",
  ],
  "Thank-you discount code for the next order (empty when off)": [
    "Code de réduction de remerciement pour la prochaine commande (vide si désactivé)",
    "Dankeschön-Rabattcode für die nächste Bestellung (leer, wenn aus)",
    "Código de descuento de agradecimiento para el próximo pedido (vacío si está desactivado)",
  ],
  "Its value, e.g. “10%”": [
    "Sa valeur, par exemple « 10 % »",
    "Sein Wert, z. B. „10 %“",
    "Su valor, p. ej. «10 %»",
  ],
  "Last day it can be used (may be empty)": [
    "Dernier jour d’utilisation (peut être vide)",
    "Letzter Tag, an dem er gilt (kann leer sein)",
    "Último día en que se puede usar (puede estar vacío)",
  ],
  "In-stock alternatives (empty when off): loop with {% for alt in alternatives %}": [
    "Alternatives en stock (vide si désactivé) : parcourez-les avec {% for alt in alternatives %}",
    "Vorrätige Alternativen (leer, wenn aus): Schleife mit {% for alt in alternatives %}",
    "Alternativas en stock (vacío si está desactivado): recórrelas con {% for alt in alternatives %}",
  ],
  "Price, formatted with currency (may be empty)": [
    "Prix, formaté avec la devise (peut être vide)",
    "Preis, mit Währung formatiert (kann leer sein)",
    "Precio, con formato de moneda (puede estar vacío)",
  ],
  "Price, formatted with currency": [
    "Prix, formaté avec la devise",
    "Preis, mit Währung formatiert",
    "Precio, con formato de moneda",
  ],
  "Link that confirms the subscription": [
    "Lien qui confirme l’inscription",
    "Link, der die Anmeldung bestätigt",
    "Enlace que confirma la suscripción",
  ],
  "Link that cancels the subscription": [
    "Lien qui annule l’inscription",
    "Link, der die Anmeldung beendet",
    "Enlace que cancela la suscripción",
  ],
  "One-click unsubscribe link": [
    "Lien de désinscription en un clic",
    "Abmeldelink mit einem Klick",
    "Enlace para darse de baja con un clic",
  ],
  "The previous expected date (may be empty)": [
    "La date prévue précédente (peut être vide)",
    "Das vorherige voraussichtliche Datum (kann leer sein)",
    "La fecha estimada anterior (puede estar vacía)",
  ],
  "Link to ask you to cancel the backordered items (empty when off)": [
    "Lien pour vous demander d’annuler les articles en rupture (vide si désactivé)",
    "Link, um dich um die Stornierung der Rückstandsartikel zu bitten (leer, wenn aus)",
    "Enlace para pedirte que canceles los artículos pendientes (vacío si está desactivado)",
  ],
  "Link to a page whose button keeps the alert for another period": [
    "Lien vers une page dont le bouton prolonge l’alerte d’une période",
    "Link zu einer Seite, deren Schaltfläche die Benachrichtigung um einen weiteren Zeitraum verlängert",
    "Enlace a una página cuyo botón mantiene la alerta otro período",
  ],
  "The alert's last day, in the email's language": [
    "Le dernier jour de l’alerte, dans la langue de l’e-mail",
    "Der letzte Tag der Benachrichtigung, in der Sprache der E-Mail",
    "El último día de la alerta, en el idioma del correo",
  ],
  "One-use link to the page listing the address's alerts": [
    "Lien à usage unique vers la page qui liste les alertes de l’adresse",
    "Einmal-Link zur Seite mit den Benachrichtigungen der Adresse",
    "Enlace de un solo uso a la página con las alertas de la dirección",
  ],
  "How many hours the link works": [
    "Nombre d’heures pendant lesquelles le lien fonctionne",
    "Wie viele Stunden der Link gilt",
    "Cuántas horas funciona el enlace",
  ],
};

const COLUMN = { fr: 0, de: 1, es: 2 } as const;

/** The descriptions in `language`; one without a translation stays in English. */
export function describeVariables(docs: readonly VariableDoc[], language: AdminLanguage): VariableDoc[] {
  if (language === "en") return [...docs];
  return docs.map((doc) => ({
    ...doc,
    description: T[doc.description]?.[COLUMN[language]] ?? doc.description,
  }));
}

/** The English descriptions that have translations (for the test that none is missing). */
export const TRANSLATED_DESCRIPTIONS: ReadonlySet<string> = new Set(Object.keys(T));
