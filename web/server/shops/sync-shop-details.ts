import { z } from "zod";
import type { Db } from "../db/create-prisma.ts";
import type { AdminClient } from "../shopify/admin/create-admin-client.ts";
import { SHOP_DETAILS_QUERY } from "../shopify/admin/documents/shop-documents.ts";

const detailsResult = z.object({
  shop: z.object({
    name: z.string(),
    currencyCode: z.string(),
    ianaTimezone: z.string(),
    primaryDomain: z.object({ url: z.string() }).nullish(),
    plan: z.object({ shopifyPlus: z.boolean(), publicDisplayName: z.string() }).nullish(),
  }),
  locations: z.object({
    nodes: z.array(z.object({ id: z.string(), name: z.string(), isActive: z.boolean() })),
  }),
});

const numericId = (gid: string) => BigInt(gid.slice(gid.lastIndexOf("/") + 1).split("?")[0]!);

/**
 * Name, currency, timezone and storefront URL (emails, ETA dates in the shop's day), plan (Plus or
 * not: the admin says where customers see estimates) and the shop's locations (which ones count is a
 * setting). Read at install, with the initial sync; idempotent upserts.
 */
export async function syncShopDetails(db: Db, client: AdminClient, shopId: string): Promise<void> {
  const { shop, locations } = detailsResult.parse(await client.request(SHOP_DETAILS_QUERY));
  await db.$transaction([
    db.shop.update({
      where: { id: shopId },
      data: {
        name: shop.name,
        currency: shop.currencyCode,
        timezone: shop.ianaTimezone,
        // Links in emails go to the online store's primary domain (a custom one when the shop has it).
        ...(shop.primaryDomain?.url ? { storefrontUrl: shop.primaryDomain.url } : {}),
        shopifyPlus: shop.plan?.shopifyPlus ?? null,
        planName: shop.plan?.publicDisplayName ?? null,
      },
    }),
    ...locations.nodes.map((l) =>
      db.location.upsert({
        where: { shopId_locationId: { shopId, locationId: numericId(l.id) } },
        create: { shopId, locationId: numericId(l.id), name: l.name, active: l.isActive },
        update: { name: l.name, active: l.isActive },
      }),
    ),
  ]);
}
