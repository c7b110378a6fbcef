// How Shopify names a variant: a single-variant product's only variant is "Default Title", which
// Shopify never shows, so neither does the admin.

export function shownVariantTitle(title: string | null | undefined): string | null {
  return title && title !== "Default Title" ? title : null;
}

/** "Hoodie — Forest green / M", or just "Cap" for a single-variant product; `untitled` names a product without a title. */
export function variantLabel(
  row: { productTitle: string | null; variantTitle: string | null },
  untitled: string,
): string {
  const variant = shownVariantTitle(row.variantTitle);
  return `${row.productTitle || untitled}${variant ? ` — ${variant}` : ""}`;
}
