import { gid } from "../../gid.ts";
import { isoSeconds } from "../../sim-core.ts";
import type { SimDiscount } from "../../store/store-types.ts";
import { connection, type ConnectionArgs } from "../connection.ts";
import type { GqlContext } from "../gql-context.ts";

export function discountNodeView(ctx: GqlContext, discount: SimDiscount) {
  const now = ctx.core.now();
  const status =
    discount.startsAt > now ? "SCHEDULED" : discount.endsAt && discount.endsAt <= now ? "EXPIRED" : "ACTIVE";
  const summary =
    discount.percentage !== null
      ? `${Math.round(discount.percentage * 100)}% off entire order`
      : `${discount.amount} off entire order`;
  return {
    __typename: "DiscountCodeNode",
    id: gid("DiscountCodeNode", discount.id),
    codeDiscount: {
      __typename: "DiscountCodeBasic",
      title: discount.title,
      status,
      summary,
      shortSummary: summary,
      startsAt: isoSeconds(discount.startsAt),
      endsAt: discount.endsAt && isoSeconds(discount.endsAt),
      usageLimit: discount.usageLimit,
      appliesOncePerCustomer: discount.appliesOncePerCustomer,
      asyncUsageCount: 0,
      createdAt: isoSeconds(discount.createdAt),
      updatedAt: isoSeconds(discount.createdAt),
      codes: (args: ConnectionArgs) =>
        connection(
          [discount],
          args,
          (d) => d.id.toString(),
          (d) => ({
            __typename: "DiscountRedeemCode",
            id: gid("DiscountRedeemCode", d.id),
            code: d.code,
            asyncUsageCount: 0,
          }),
          ctx.bulk,
        ),
    },
  };
}
