import { createPageRenderer, type StorefrontPageInput } from "./render-app-block.ts";

/**
 * An app proxy answer of type application/liquid as Shopify serves it: the Liquid rendered with the
 * storefront's globals (shop, request, routes, customer), inside the theme's layout, as HTML.
 */
export async function renderProxyLiquidPage(
  input: Omit<StorefrontPageInput, "assetBaseUrl"> & { liquid: string; customerId: string | null },
): Promise<string> {
  const page = await createPageRenderer({ ...input, assetBaseUrl: "" });
  const customer = input.customerId ? { id: input.customerId } : null;
  const content = (await page.engine.parseAndRender(input.liquid, { ...page.globals, customer })) as string;
  return page.renderPage("./proxy-page.liquid", { content_for_layout: content, customer });
}
