import { gid } from "../../gid.ts";
import { isoSeconds } from "../../sim-core.ts";
import type { SimLocation, SimShop } from "../../store/store-types.ts";
import { connection, type ConnectionArgs } from "../connection.ts";
import type { GqlContext } from "../gql-context.ts";
import { inventoryLevelView } from "./inventory-views.ts";
import { metafieldFields } from "./metafield-view.ts";
import { findLevel } from "../../store/lookups.ts";
import { toBigId } from "../../gid.ts";
import { storefrontUrl } from "../../storefront/storefront-urls.ts";

export function shopView(ctx: GqlContext, shop: SimShop) {
  const id = gid("Shop", shop.id);
  const store = storefrontUrl(ctx.core.origin(), shop.domain);
  return {
    __typename: "Shop",
    id,
    name: shop.name,
    email: shop.email,
    contactEmail: shop.email,
    currencyCode: shop.currency,
    ianaTimezone: shop.ianaTimezone,
    myshopifyDomain: shop.domain,
    url: store,
    createdAt: isoSeconds(shop.createdAt),
    updatedAt: isoSeconds(shop.createdAt),
    plan: shopPlanView(shop.plan ?? "Basic"),
    primaryDomain: {
      __typename: "Domain",
      id: gid("Domain", shop.id),
      host: new URL(store).host,
      url: store,
      sslEnabled: true,
    },
    ...metafieldFields(ctx, id),
  };
}

/** ShopPlan: `shopifyPlus` is true on the Plus plans ("Plus", "Plus Trial"). */
function shopPlanView(name: string) {
  return {
    __typename: "ShopPlan",
    displayName: name,
    publicDisplayName: name,
    shopifyPlus: name.startsWith("Plus"),
    partnerDevelopment: name === "Development",
  };
}

export function locationView(ctx: GqlContext, location: SimLocation) {
  const id = gid("Location", location.id);
  return {
    __typename: "Location",
    id,
    legacyResourceId: location.id.toString(),
    name: location.name,
    isActive: true,
    fulfillsOnlineOrders: true,
    shipsInventory: true,
    hasActiveInventory: true,
    createdAt: isoSeconds(location.createdAt),
    updatedAt: isoSeconds(location.createdAt),
    inventoryLevel: (args: { inventoryItemId: string }) => {
      const level = findLevel(ctx.core.store, toBigId(args.inventoryItemId), location.id);
      return level && level.shopDomain === ctx.shop.domain ? inventoryLevelView(ctx, level) : null;
    },
    ...metafieldFields(ctx, id),
  };
}

export function locationsConnection(ctx: GqlContext, args: ConnectionArgs) {
  const locations = ctx.shop.locationIds.map((id) => ctx.core.store.locations.get(id)!);
  return connection(
    locations,
    args,
    (l) => l.id.toString(),
    (l) => locationView(ctx, l),
    ctx.bulk,
  );
}

export function appInstallationView(ctx: GqlContext) {
  const appGid = gid("App", ctx.core.appId);
  const id = gid("AppInstallation", ctx.core.appId);
  return {
    __typename: "AppInstallation",
    id,
    app: {
      __typename: "App",
      id: appGid,
      apiKey: ctx.core.apiKey,
      title: "Backorder Hub",
      handle: "backorder-hub",
    },
    ...metafieldFields(ctx, id),
  };
}
