/**
 * Default SMS texts per kind and locale (Liquid, like the email templates). Kept short and GSM-7
 * where the language allows, so one alert is one segment for typical product names.
 */
export const DEFAULT_SMS_TEMPLATES: Record<string, Record<string, string>> = {
  restock: {
    en: "{{ shop.name }}: {{ product_title }}{% if variant_title != '' %} ({{ variant_title }}){% endif %} is back in stock: {{ url }} Reply STOP to opt out.",
    de: "{{ shop.name }}: {{ product_title }}{% if variant_title != '' %} ({{ variant_title }}){% endif %} ist wieder da: {{ url }} STOP zum Abmelden.",
    fr: "{{ shop.name }} : {{ product_title }}{% if variant_title != '' %} ({{ variant_title }}){% endif %} est de retour : {{ url }} STOP pour arrêter.",
    es: "{{ shop.name }}: {{ product_title }}{% if variant_title != '' %} ({{ variant_title }}){% endif %} vuelve a estar disponible: {{ url }} STOP para darse de baja.",
  },
};

export const HELP_REPLY: Record<string, string> = {
  en: "{{ shop }}: back-in-stock alerts. Reply STOP to stop all texts from us. Msg & data rates may apply.",
};
