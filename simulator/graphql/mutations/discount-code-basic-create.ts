import type { SimDiscount } from "../../store/store-types.ts";
import type { GqlContext } from "../gql-context.ts";
import { discountNodeView } from "../views/discount-view.ts";

interface BasicCodeDiscountInput {
  title?: string | null;
  code?: string | null;
  startsAt?: string | null;
  endsAt?: string | null;
  usageLimit?: number | null;
  appliesOncePerCustomer?: boolean | null;
  customerGets?: {
    value?: { percentage?: number | null; discountAmount?: { amount?: string | null } | null } | null;
  } | null;
}

/** A single-code order discount (percentage or fixed amount); enough for "thanks for waiting" codes. */
export function discountCodeBasicCreate(
  ctx: GqlContext,
  args: { basicCodeDiscount: BasicCodeDiscountInput },
) {
  const input = args.basicCodeDiscount;
  const errors: Array<{ field: string[]; message: string; code: string; extraInfo: null }> = [];
  const at = (field: string, message: string, code: string) =>
    errors.push({ field: ["basicCodeDiscount", field], message, code, extraInfo: null });
  const code = input.code?.trim() ?? "";
  const { store } = ctx.core;
  if (!code) at("code", "Code can't be blank", "BLANK");
  else if (
    [...store.discounts.values()].some(
      (d) => d.shopDomain === ctx.shop.domain && d.code.toLowerCase() === code.toLowerCase(),
    )
  ) {
    at("code", "Code must be unique. Please try a different code.", "TAKEN");
  }
  if (!input.title?.trim()) at("title", "Title can't be blank", "BLANK");
  const value = input.customerGets?.value;
  const percentage = value?.percentage ?? null;
  const amount = value?.discountAmount?.amount ?? null;
  if (percentage === null && amount === null)
    at("customerGets", "Value must be a percentage or an amount", "BLANK");
  if (percentage !== null && (percentage <= 0 || percentage > 1))
    at("customerGets", "Percentage must be between 0 and 1", "INVALID");
  if (errors.length > 0) return { codeDiscountNode: null, userErrors: errors };
  const now = ctx.core.now();
  const discount: SimDiscount = {
    id: store.nextId(),
    shopDomain: ctx.shop.domain,
    title: input.title!.trim(),
    code,
    percentage,
    amount,
    startsAt: input.startsAt ? new Date(input.startsAt) : now,
    endsAt: input.endsAt ? new Date(input.endsAt) : null,
    usageLimit: input.usageLimit ?? null,
    appliesOncePerCustomer: input.appliesOncePerCustomer ?? false,
    createdAt: now,
  };
  store.discounts.set(discount.id, discount);
  return { codeDiscountNode: discountNodeView(ctx, discount), userErrors: [] };
}
