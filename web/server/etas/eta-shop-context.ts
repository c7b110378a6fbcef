import type { Db } from "../db/create-prisma.ts";
import { AppError } from "../errors.ts";
import { validTimezone } from "./timezone-formats.ts";

/** What resolving a variant's ETA needs from the shop. */
export type EtaShopContext = {
  shopId: string;
  /** IANA zone; "today" is the shop's calendar day. UTC until the shop's details are synced. */
  timezone: string;
  defaultLeadTimeDays: number | null;
  /** Shop.etaVersion: bumped on every change of ETA inputs (see bump-eta-version.ts). */
  etaVersion: number;
};

export async function loadEtaShopContext(db: Db, shopId: string): Promise<EtaShopContext> {
  const shop = await db.shop.findUnique({
    where: { id: shopId },
    select: { timezone: true, etaVersion: true, settings: { select: { defaultLeadTimeDays: true } } },
  });
  if (!shop) throw new AppError("not_found", "Unknown shop");
  return {
    shopId,
    timezone: validTimezone(shop.timezone),
    defaultLeadTimeDays: shop.settings?.defaultLeadTimeDays ?? null,
    etaVersion: shop.etaVersion,
  };
}
