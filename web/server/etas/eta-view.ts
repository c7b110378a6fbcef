import { resolveEta, type EtaSource, type ResolvedEta } from "./resolve-eta.ts";
import type { EtaShopContext } from "./eta-shop-context.ts";
import type { EtaRow } from "./query-eta-rows.ts";

type ResolveContext = Pick<EtaShopContext, "timezone" | "defaultLeadTimeDays">;

export function resolveRowEta(row: EtaRow, ctx: ResolveContext, now: Date): ResolvedEta {
  return resolveEta({
    variantEta: { etaDate: row.etaDate, message: row.message },
    productLeadTimeDays: row.productLeadTimeDays,
    shopLeadTimeDays: ctx.defaultLeadTimeDays,
    now,
    timezone: ctx.timezone,
  });
}

/** The variant sells beyond its stock right now: tracked, "continue selling", nothing available. */
export function isBackordered(row: Pick<EtaRow, "tracked" | "inventoryPolicy" | "available">): boolean {
  return row.tracked && row.inventoryPolicy === "CONTINUE" && row.available <= 0;
}

/** The merchant set something on this variant (a row that only records pushes does not count). */
export function hasExplicitEta(row: Pick<EtaRow, "etaDate" | "message">): boolean {
  return row.etaDate !== null || (row.message !== null && row.message.trim() !== "");
}

export type EtaView = {
  variantId: string;
  productId: string;
  productTitle: string | null;
  variantTitle: string;
  sku: string | null;
  available: number;
  inventoryPolicy: string;
  tracked: boolean;
  backordered: boolean;
  /** What the merchant set on the variant, or null. */
  explicit: { eta: string | null; message: string | null; source: string } | null;
  productLeadTimeDays: number | null;
  /** The resolved ETA (explicit, else lead time) and where it came from. */
  eta: string | null;
  etaSource: EtaSource;
  message: string | null;
  overdue: boolean;
  shopperEta: string | null;
};

export function toEtaView(row: EtaRow, ctx: ResolveContext, now: Date): EtaView {
  const resolved = resolveRowEta(row, ctx, now);
  return {
    variantId: row.variantId.toString(),
    productId: row.productId.toString(),
    productTitle: row.productTitle,
    variantTitle: row.variantTitle,
    sku: row.sku,
    available: row.available,
    inventoryPolicy: row.inventoryPolicy,
    tracked: row.tracked,
    backordered: isBackordered(row),
    explicit: hasExplicitEta(row)
      ? { eta: row.etaDate, message: row.message, source: row.source ?? "manual" }
      : null,
    productLeadTimeDays: row.productLeadTimeDays,
    eta: resolved.eta,
    etaSource: resolved.source,
    message: resolved.message,
    overdue: resolved.overdue,
    shopperEta: resolved.shopperEta,
  };
}
