import { createEmailRenderer, type EmailRenderer } from "../emails/render/create-email-renderer.ts";
import type { PreparedTemplate } from "../emails/render/prepare-template.ts";
import type { TemplateKind } from "../emails/render/template-kinds.ts";
import type { ShopVariables } from "../emails/templates/variables.ts";
import { validTimezone } from "../etas/timezone-formats.ts";
import { createTtlCache, type TtlCache } from "./ttl-cache.ts";
import type { AppDeps } from "../app-deps.ts";

export type EmailShop = {
  id: string;
  variables: ShopVariables;
  currency: string | null;
  /** IANA zone ("today" for ETAs is the shop's calendar day); UTC until the shop is synced. */
  timezone: string;
  uninstalled: boolean;
  sendRatePerSecond: number;
  senderName: string | null;
  senderEmail: string | null;
  replyTo: string | null;
};

export type EmailVariant = {
  variantId: bigint;
  title: string;
  productTitle: string;
  handle: string | null;
  imageUrl: string | null;
  price: string | null;
};

export type EmailSendCaches = {
  shops: TtlCache<EmailShop | null>;
  variants: TtlCache<EmailVariant | null>;
  /** One parsed template per (shop, kind, locale): a wave renders, it does not re-parse. */
  template<K extends TemplateKind>(shopId: string, kind: K, locale: string): Promise<PreparedTemplate<K>>;
};

const TTL_MS = 15_000;
// One cache set per worker (per deps object), never a module-wide singleton.
const byDeps = new WeakMap<object, EmailSendCaches>();

export function emailSendCaches(deps: Pick<AppDeps, "db" | "logger" | "renderPool">): EmailSendCaches {
  const existing = byDeps.get(deps);
  if (existing) return existing;
  const renderers = new Map<string, EmailRenderer>();
  const templates = createTtlCache<PreparedTemplate>(TTL_MS);
  const rendererFor = (shopId: string): EmailRenderer => {
    let renderer = renderers.get(shopId);
    if (!renderer) {
      if (renderers.size >= 1_000) renderers.clear();
      renderer = createEmailRenderer({
        pool: deps.renderPool,
        logger: deps.logger.child({ shopId }),
        loadOverride: async (kind, locale) =>
          deps.db.emailTemplate.findUnique({
            where: { shopId_kind_locale: { shopId, kind, locale } },
            select: { subject: true, html: true, text: true },
          }),
      });
      renderers.set(shopId, renderer);
    }
    return renderer;
  };
  const caches: EmailSendCaches = {
    shops: createTtlCache(TTL_MS),
    variants: createTtlCache(TTL_MS),
    template: (shopId, kind, locale) =>
      templates.get(`${shopId}:${kind}:${locale}`, () => rendererFor(shopId).prepare(kind, locale)) as never,
  };
  byDeps.set(deps, caches);
  return caches;
}

export async function loadEmailShop(
  deps: Pick<AppDeps, "db" | "logger" | "renderPool">,
  shopId: string,
): Promise<EmailShop | null> {
  return emailSendCaches(deps).shops.get(shopId, async () => {
    const shop = await deps.db.shop.findUnique({ where: { id: shopId }, include: { settings: true } });
    if (!shop) return null;
    return {
      id: shop.id,
      variables: {
        name: shop.name ?? shop.domain,
        domain: shop.domain,
        email: null,
        // The online store's primary domain, read from Shopify at install; the myshopify.com one until then.
        url: shop.storefrontUrl ?? `https://${shop.domain}`,
      },
      currency: shop.currency,
      timezone: validTimezone(shop.timezone),
      uninstalled: shop.uninstalledAt !== null,
      sendRatePerSecond: shop.settings?.sendRatePerSecond ?? 10,
      senderName: shop.settings?.senderName ?? null,
      senderEmail: shop.settings?.senderEmail ?? null,
      replyTo: shop.settings?.replyTo ?? null,
    };
  });
}

export async function loadEmailVariant(
  deps: Pick<AppDeps, "db" | "logger" | "renderPool">,
  shopId: string,
  variantId: bigint,
): Promise<EmailVariant | null> {
  return emailSendCaches(deps).variants.get(`${shopId}:${variantId}`, async () => {
    const variant = await deps.db.variant.findUnique({ where: { shopId_variantId: { shopId, variantId } } });
    if (!variant) return null;
    const product = await deps.db.product.findUnique({
      where: { shopId_productId: { shopId, productId: variant.productId } },
    });
    return {
      variantId,
      // Shopify names the only variant of a single-variant product "Default Title".
      title: variant.title === "Default Title" ? "" : variant.title,
      productTitle: product?.title ?? variant.title,
      handle: product?.handle ?? null,
      imageUrl: product?.imageUrl ?? null,
      price: variant.price === null ? null : variant.price.toString(),
    };
  });
}
