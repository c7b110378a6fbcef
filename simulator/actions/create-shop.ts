import type { SimCore } from "../sim-core.ts";
import { SimError } from "../store/sim-error.ts";
import type { SimShop } from "../store/store-types.ts";

export interface CreateShopInput {
  domain?: string;
  name?: string;
  currency?: string;
  locale?: string;
  /** Published alternate languages (`/fr/...`), like a merchant's Settings > Languages. */
  alternateLocales?: string[];
  ianaTimezone?: string;
  /** The shop's plan as Shopify names it (ShopPlan.publicDisplayName); default "Basic". */
  plan?: string;
  /** Location names, in the order Shopify allocates from; default one location. */
  locations?: string[];
}

export function createShop(core: SimCore, input: CreateShopInput = {}): SimShop {
  const { store } = core;
  const name = input.name ?? "Demo Shop";
  const domain = input.domain ?? `${slugify(name)}.myshopify.com`;
  if (!/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(domain))
    throw new SimError(`invalid shop domain ${domain}`);
  if (store.shops.has(domain)) throw new SimError(`shop ${domain} already exists`, 409);
  const now = core.now();
  const shop: SimShop = {
    id: store.nextId(),
    domain,
    name,
    email: `owner@${domain}`,
    currency: input.currency ?? "USD",
    locale: input.locale ?? "en",
    alternateLocales: checkLocales(input.alternateLocales ?? [], input.locale ?? "en"),
    ianaTimezone: input.ianaTimezone ?? "America/New_York",
    // Staff ids stay small like real ones: they travel as JWT `sub` and as a JSON number.
    ownerStaffId: 902541635n + BigInt(store.shops.size),
    locationIds: [],
    installed: true,
    orderCount: 0,
    plan: input.plan ?? "Basic",
    createdAt: now,
  };
  for (const locationName of input.locations ?? ["Main warehouse"]) {
    const id = store.nextId();
    store.locations.set(id, { id, shopDomain: domain, name: locationName, createdAt: now });
    shop.locationIds.push(id);
  }
  store.shops.set(domain, shop);
  return shop;
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function checkLocales(locales: unknown, primary: string): string[] {
  const valid =
    Array.isArray(locales) &&
    locales.every((l) => typeof l === "string" && /^[a-z]{2,3}(-[A-Z]{2})?$/.test(l));
  if (!valid) throw new SimError('alternateLocales must be ISO codes such as "de" or "pt-BR"');
  return [...new Set(locales as string[])].filter((l) => l !== primary);
}
