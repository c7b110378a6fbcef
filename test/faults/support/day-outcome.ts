import type { FaultStack, StackShop } from "./start-fault-stack.ts";
import type { DayCatalog, ShopDay } from "./simulate-shop-day.ts";

export type DayOutcome = {
  /** OPEN backorder lines: "o<order>.<line> v<variant> OPEN <backordered>/<quantity>". */
  backorders: string[];
  /** Closed lines (READY/FULFILLED/CANCELLED): history, compared apart. */
  history: string[];
  available: string[];
  tags: boolean[];
  /** Per order index: the ledger's emails ("kind STATUS") and the messages the SMTP server got. */
  emails: Map<number, { ledger: string[]; received: number }>;
};

/** What merchants and customers end up with, keyed by what two shops playing one day share. */
export async function readDayOutcome(
  stack: FaultStack,
  shop: StackShop,
  day: ShopDay,
  catalog: DayCatalog,
  prefix: string,
): Promise<DayOutcome> {
  const variantIndex = new Map(catalog.variants.map((v, i) => [v.variantId, i]));
  const lineIndex = new Map<bigint, string>();
  for (const [i, orderId] of day.orders.entries()) {
    stack.sim
      .getOrder(shop.domain, orderId)!
      .lineItems.forEach((line, j) => lineIndex.set(line.id, `o${i}.${j}`));
  }
  const lines = await stack.db.backorderLine.findMany({ where: { shopId: shop.id } });
  const variants = await stack.db.variant.findMany({ where: { shopId: shop.id } });
  const notifications = await stack.db.notification.findMany({ where: { shopId: shop.id } });
  const emails = new Map<number, { ledger: string[]; received: number }>();
  const entry = (email: string) => {
    const index = Number(new RegExp(`^${prefix}-c(\\d+)@`).exec(email)?.[1] ?? -1);
    if (!emails.has(index)) emails.set(index, { ledger: [], received: 0 });
    return emails.get(index)!;
  };
  for (const n of notifications) entry(n.recipient).ledger.push(`${n.kind} ${n.status}`);
  for (const message of stack.smtp.messages) {
    for (const to of message.to) if (to.startsWith(`${prefix}-`)) entry(to).received += 1;
  }
  for (const e of emails.values()) e.ledger.sort();
  const describe = (l: (typeof lines)[number]) =>
    `${lineIndex.get(l.lineItemId)} v${variantIndex.get(l.variantId)} ${l.status} ${l.backorderedQuantity}/${l.quantity}`;
  return {
    backorders: lines
      .filter((l) => l.status === "OPEN")
      .map(describe)
      .sort(),
    history: lines
      .filter((l) => l.status !== "OPEN")
      .map(describe)
      .sort(),
    available: variants.map((v) => `v${variantIndex.get(v.variantId)}=${v.available}`).sort(),
    tags: day.orders.map((id) => stack.sim.getOrderTags(shop.domain, id).includes("backorder")),
    emails,
  };
}

/**
 * Pure: compares the emails of two runs of one day, order by order.
 * - An order with a line still backordered at the end (in either run) must have had exactly the
 *   same emails in both: its customer's story is settled and must not depend on delivery order.
 * - An order with nothing backordered at the end may differ (counted as `transient`): a line
 *   backordered between two events is emailed when that state outlives the product's settle time
 *   (2 s), which in a compressed replay depends on processing speed, not on delivery order.
 * - In every run and order: a ready email only after a confirmation, and the SMTP server received
 *   exactly what the ledger marked SENT (no duplicate, nothing lost).
 */
export function compareDayEmails(a: DayOutcome, b: DayOutcome): { transient: number; mismatches: string[] } {
  const open = new Set([...a.backorders, ...b.backorders].map((line) => Number(/^o(\d+)\./.exec(line)?.[1])));
  const orders = new Set([...a.emails.keys(), ...b.emails.keys()]);
  let transient = 0;
  const mismatches: string[] = [];
  for (const order of [...orders].sort((x, y) => x - y)) {
    const ea = a.emails.get(order) ?? { ledger: [], received: 0 };
    const eb = b.emails.get(order) ?? { ledger: [], received: 0 };
    for (const [run, e] of [
      ["in-order", ea],
      ["shuffled", eb],
    ] as const) {
      const sent = e.ledger.filter((l) => l.endsWith(" SENT")).length;
      if (sent !== e.received)
        mismatches.push(`o${order} ${run}: ${sent} SENT in the ledger, ${e.received} received`);
      if (e.ledger.some((l) => !l.endsWith(" SENT")))
        mismatches.push(`o${order} ${run}: not sent [${e.ledger.join(", ")}]`);
      const has = (kind: string) => e.ledger.some((l) => l.startsWith(kind));
      if (has("backorder_ready") && !has("backorder_confirmation"))
        mismatches.push(`o${order} ${run}: ready without confirmation`);
    }
    if (ea.ledger.join("|") === eb.ledger.join("|")) continue;
    if (open.has(order))
      mismatches.push(`o${order}: in-order [${ea.ledger.join(", ")}] vs shuffled [${eb.ledger.join(", ")}]`);
    else transient += 1;
  }
  return { transient, mismatches };
}
