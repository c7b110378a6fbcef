/**
 * The simulated theme's own words (Dawn ships them in its locale files), in the languages the
 * app's extension supports; other languages fall back to English, as a theme's default locale does.
 */
const STRINGS = {
  en: {
    variant: "Variant",
    add_to_cart: "Add to cart",
    sold_out: "Sold out",
    cart: "Cart",
    cart_title: "Cart",
    empty: "Your cart is empty.",
    subtotal: "Subtotal",
    checkout: "Check out",
  },
  de: {
    variant: "Variante",
    add_to_cart: "In den Warenkorb",
    sold_out: "Ausverkauft",
    cart: "Warenkorb",
    cart_title: "Warenkorb",
    empty: "Dein Warenkorb ist leer.",
    subtotal: "Zwischensumme",
    checkout: "Auschecken",
  },
  fr: {
    variant: "Variante",
    add_to_cart: "Ajouter au panier",
    sold_out: "Épuisé",
    cart: "Panier",
    cart_title: "Panier",
    empty: "Votre panier est vide.",
    subtotal: "Sous-total",
    checkout: "Procéder au paiement",
  },
  es: {
    variant: "Variante",
    add_to_cart: "Agregar al carrito",
    sold_out: "Agotado",
    cart: "Carrito",
    cart_title: "Carrito",
    empty: "Tu carrito está vacío.",
    subtotal: "Subtotal",
    checkout: "Pagar pedido",
  },
} as const;

export type ThemeStrings = Record<keyof (typeof STRINGS)["en"], string>;

export function themeStrings(locale: string): ThemeStrings {
  const language = (locale.split("-")[0] ?? locale) as keyof typeof STRINGS;
  return STRINGS[language] ?? STRINGS.en;
}
