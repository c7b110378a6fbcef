import type { Prisma } from "@prisma/client";
import type { OpenLine, PriorityRule } from "../backorders/allocate-backorders.ts";

export type PrioritySettings = {
  priorityEnabled: boolean;
  priorityCustomerTags: readonly string[];
  priorityOrderTags: readonly string[];
};

export const PRIORITY_CLASS = { regular: 0, priority: 1 } as const;

/** Shopify tags compare case-insensitively ("VIP" and "vip" are one tag in the admin). */
const normalize = (tag: string) => tag.trim().toLowerCase();

/**
 * The class an order is served in: 1 when the customer or the order carries one of the shop's
 * priority tags, else 0. Pure.
 */
export function priorityClassOf(
  order: { customerTags: readonly string[]; tags: readonly string[] },
  settings: PrioritySettings,
): number {
  if (!settings.priorityEnabled) return PRIORITY_CLASS.regular;
  const customer = new Set(settings.priorityCustomerTags.map(normalize).filter(Boolean));
  const orderTags = new Set(settings.priorityOrderTags.map(normalize).filter(Boolean));
  const matches =
    order.customerTags.some((t) => customer.has(normalize(t))) ||
    order.tags.some((t) => orderTags.has(normalize(t)));
  return matches ? PRIORITY_CLASS.priority : PRIORITY_CLASS.regular;
}

export function priorityRuleOf(settings: PrioritySettings | null): PriorityRule {
  return settings?.priorityEnabled ? "priority-class" : "fifo";
}

/**
 * The allocation input with each line's priority class (recompute-variant calls this inside its
 * transaction). With the feature off the lines are returned as they are: plain FIFO.
 */
export async function withPriorityClasses<L extends OpenLine>(
  tx: Prisma.TransactionClient,
  shopId: string,
  lines: readonly L[],
  settings: PrioritySettings | null,
): Promise<{ lines: L[]; priority: PriorityRule }> {
  const priority = priorityRuleOf(settings);
  if (!settings || priority === "fifo" || lines.length === 0) return { lines: [...lines], priority };
  const orders = await tx.order.findMany({
    where: { shopId, orderId: { in: [...new Set(lines.map((l) => l.orderId))] } },
    select: { orderId: true, customerTags: true, tags: true },
  });
  const classOf = new Map(orders.map((o) => [o.orderId, priorityClassOf(o, settings)]));
  return {
    lines: lines.map((l) => ({ ...l, priorityClass: classOf.get(l.orderId) ?? PRIORITY_CLASS.regular })),
    priority,
  };
}
