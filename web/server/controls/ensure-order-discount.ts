import crypto from "node:crypto";
import type { OrderDiscount } from "@prisma/client";
import { UnrecoverableError } from "bullmq";
import type { Db } from "../db/create-prisma.ts";
import type { AdminClient } from "../shopify/admin/create-admin-client.ts";
import { DISCOUNT_CODE_CREATE_MUTATION } from "../shopify/admin/documents/control-documents.ts";

export type EnsureDiscountDeps = {
  db: Db;
  /** The current API secret: codes are derived from it, so nobody can guess another order's. */
  secret: string;
  client: () => Promise<AdminClient>;
  now: () => Date;
};

type CreateResult = {
  discountCodeBasicCreate: {
    codeDiscountNode: { id: string } | null;
    userErrors: { field: string[] | null; message: string; code: string | null }[];
  };
};

const DAY_MS = 24 * 60 * 60 * 1000;
// Crockford's base32 minus look-alikes: codes are typed by hand at checkout.
const ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";

/** The order's code: fixed by the order, so every attempt creates the same one. */
export function orderDiscountCode(secret: string, shopId: string, orderId: bigint): string {
  const digest = crypto.createHmac("sha256", secret).update(`discount:${shopId}:${orderId}`).digest();
  let code = "";
  for (let i = 0; i < 10; i++) code += ALPHABET[digest[i]! % ALPHABET.length];
  return `THANKS-${code}`;
}

/**
 * The create-order-discount job's work: the order's discount code, created on Shopify at most once. The row (with its code) is written
 * before the Admin call; a retry after a crash or a lost response sends the same code, and
 * Shopify's TAKEN answer means the earlier attempt succeeded. Null when the feature is off and the
 * order has no code yet, or when Shopify refused the code for good (status FAILED).
 */
export async function ensureOrderDiscount(
  deps: EnsureDiscountDeps,
  shopId: string,
  orderId: bigint,
): Promise<OrderDiscount | null> {
  const where = { shopId_orderId: { shopId, orderId } };
  let row = await deps.db.orderDiscount.findUnique({ where });
  if (row?.status === "CREATED") return row;
  const settings = await deps.db.shopSettings.findUnique({ where: { shopId } });
  if (!settings?.discountEnabled) return null;
  if (!row) {
    const now = deps.now();
    await deps.db.orderDiscount.createMany({
      data: [
        {
          shopId,
          orderId,
          code: orderDiscountCode(deps.secret, shopId, orderId),
          valueType: settings.discountType === "amount" ? "amount" : "percentage",
          value: settings.discountValue,
          endsAt: new Date(now.getTime() + settings.discountExpiryDays * DAY_MS),
        },
      ],
      skipDuplicates: true,
    });
    row = await deps.db.orderDiscount.findUniqueOrThrow({ where });
  }
  const order = await deps.db.order.findUnique({
    where: { shopId_orderId: { shopId, orderId } },
    select: { name: true, customerId: true },
  });
  let data: CreateResult;
  try {
    const client = await deps.client();
    data = await client.request<CreateResult>(DISCOUNT_CODE_CREATE_MUTATION, {
      basicCodeDiscount: discountInput(row, order, deps.now()),
    });
  } catch (error) {
    // Permanent (e.g. the write_discounts scope not granted): the email goes without a code rather
    // than not at all; the row stays FAILED for the admin, and a later call tries again.
    if (error instanceof UnrecoverableError) return markFailed(deps.db, row);
    throw error; // transient: the job retries and reuses this row; the email waits
  }
  const { codeDiscountNode, userErrors } = data.discountCodeBasicCreate;
  const taken = userErrors.length > 0 && userErrors.every((e) => e.code === "TAKEN");
  if (userErrors.length > 0 && !taken) return markFailed(deps.db, row);
  return deps.db.orderDiscount.update({
    where,
    data: { status: "CREATED", discountGid: codeDiscountNode?.id ?? null, createdOnShopifyAt: deps.now() },
  });
}

async function markFailed(db: Db, row: OrderDiscount): Promise<null> {
  await db.orderDiscount.update({ where: { id: row.id }, data: { status: "FAILED" } });
  return null;
}

function discountInput(
  row: OrderDiscount,
  order: { name: string | null; customerId: bigint | null } | null,
  now: Date,
) {
  const value =
    row.valueType === "amount"
      ? { discountAmount: { amount: row.value.toFixed(2), appliesOnEachItem: false } }
      : { percentage: Math.min(1, row.value.toNumber() / 100) };
  return {
    title: `Thanks for waiting (${order?.name ?? `order ${row.orderId}`})`,
    code: row.code,
    startsAt: now.toISOString(),
    ...(row.endsAt ? { endsAt: row.endsAt.toISOString() } : {}),
    usageLimit: 1,
    appliesOncePerCustomer: true,
    customerGets: { value, items: { all: true } },
    // Only the customer who waited may use it, when Shopify knows who that is.
    context: order?.customerId
      ? { customers: { add: [`gid://shopify/Customer/${order.customerId}`] } }
      : { all: "ALL" },
  };
}
