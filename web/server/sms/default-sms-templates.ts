/**
 * Default SMS texts per kind and locale (Liquid, like the email templates). Kept short and GSM-7
 * where the language allows. Each carries the link to the shopper alerts page (`alerts_url`, the
 * bare page URL on the storefront: no query, no token), which withAlertsLink appends to a
 * merchant's text that leaves it out.
 */
export const DEFAULT_SMS_TEMPLATES: Record<string, Record<string, string>> = {
  restock: {
    en: "{{ shop.name }}: {{ product_title }}{% if variant_title != '' %} ({{ variant_title }}){% endif %} is back in stock: {{ url }} Manage alerts: {{ alerts_url }} Reply STOP to opt out.",
    de: "{{ shop.name }}: {{ product_title }}{% if variant_title != '' %} ({{ variant_title }}){% endif %} ist wieder da: {{ url }} Ihre Benachrichtigungen: {{ alerts_url }} STOP zum Abmelden.",
    fr: "{{ shop.name }} : {{ product_title }}{% if variant_title != '' %} ({{ variant_title }}){% endif %} est de retour : {{ url }} Vos alertes : {{ alerts_url }} STOP pour arrêter.",
    es: "{{ shop.name }}: {{ product_title }}{% if variant_title != '' %} ({{ variant_title }}){% endif %} vuelve a estar disponible: {{ url }} Tus avisos: {{ alerts_url }} STOP para darse de baja.",
  },
  // A week before a phone-only alert expires (docs/sms.md): the same renew page as the email's.
  renewal: {
    en: "{{ shop.name }}: your alert for {{ product_title }} ends on {{ expires_on }}. Keep it: {{ renew_url }} Manage alerts: {{ alerts_url }} Reply STOP to opt out.",
    de: "{{ shop.name }}: Ihre Benachrichtigung für {{ product_title }} endet am {{ expires_on }}. Behalten: {{ renew_url }} Ihre Benachrichtigungen: {{ alerts_url }} STOP zum Abmelden.",
    fr: "{{ shop.name }} : votre alerte pour {{ product_title }} prend fin le {{ expires_on }}. La garder : {{ renew_url }} Vos alertes : {{ alerts_url }} STOP pour arrêter.",
    es: "{{ shop.name }}: tu aviso de {{ product_title }} termina el {{ expires_on }}. Mantenerlo: {{ renew_url }} Tus avisos: {{ alerts_url }} STOP para darse de baja.",
  },
};

export const HELP_REPLY: Record<string, string> = {
  en: "{{ shop }}: back-in-stock alerts. Reply STOP to stop all texts from us. Msg & data rates may apply.",
};
