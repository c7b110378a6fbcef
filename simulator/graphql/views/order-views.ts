import { gid } from "../../gid.ts";
import { fromCents, toCents } from "../../payloads/money.ts";
import { orderStatusUrl } from "../../payloads/order-payload.ts";
import { isoSeconds } from "../../sim-core.ts";
import type { SimCustomer, SimLineItem, SimOrder } from "../../store/store-types.ts";
import { findVariant, findProduct } from "../../store/lookups.ts";
import { connection, type ConnectionArgs } from "../connection.ts";
import type { GqlContext } from "../gql-context.ts";
import { metafieldFields } from "./metafield-view.ts";
import { productView, variantView } from "./product-views.ts";

function moneyBag(amount: string, currencyCode: string) {
  const money = { amount, currencyCode };
  return { shopMoney: money, presentmentMoney: money };
}

export function orderView(ctx: GqlContext, order: SimOrder) {
  const id = gid("Order", order.id);
  const total = (pick: (line: SimLineItem) => number) =>
    fromCents(order.lineItems.reduce((sum, line) => sum + toCents(line.price) * BigInt(pick(line)), 0n));
  const unfulfilled = order.lineItems.reduce((sum, line) => sum + line.fulfillableQuantity, 0);
  return {
    __typename: "Order",
    id,
    legacyResourceId: order.id.toString(),
    name: order.name,
    number: order.number - 1000,
    email: order.email,
    tags: order.tags,
    note: null,
    test: false,
    confirmed: true,
    closed: order.closedAt !== null,
    closedAt: order.closedAt && isoSeconds(order.closedAt),
    cancelledAt: order.cancelledAt && isoSeconds(order.cancelledAt),
    cancelReason: order.cancelReason?.toUpperCase() ?? null,
    createdAt: isoSeconds(order.createdAt),
    processedAt: isoSeconds(order.createdAt),
    updatedAt: isoSeconds(order.updatedAt),
    customerLocale: order.locale,
    statusPageUrl: orderStatusUrl(ctx.core, order),
    currencyCode: order.currency,
    presentmentCurrencyCode: order.currency,
    displayFinancialStatus: order.financialStatus.toUpperCase(),
    displayFulfillmentStatus:
      order.fulfillmentStatus === "fulfilled"
        ? "FULFILLED"
        : order.fulfillmentStatus === "partial"
          ? "PARTIALLY_FULFILLED"
          : "UNFULFILLED",
    fulfillable: order.cancelledAt === null && unfulfilled > 0,
    subtotalLineItemsQuantity: order.lineItems.reduce((sum, line) => sum + line.quantity, 0),
    currentSubtotalLineItemsQuantity: order.lineItems.reduce((sum, line) => sum + line.currentQuantity, 0),
    totalPriceSet: moneyBag(
      total((line) => line.quantity),
      order.currency,
    ),
    currentTotalPriceSet: moneyBag(
      total((line) => line.currentQuantity),
      order.currency,
    ),
    subtotalPriceSet: moneyBag(
      total((line) => line.quantity),
      order.currency,
    ),
    customer: () => {
      const customer = ctx.core.store.customers.get(order.customerId);
      return customer ? customerView(ctx, customer) : null;
    },
    lineItems: (args: ConnectionArgs) =>
      connection(
        order.lineItems,
        args,
        (l) => l.id.toString(),
        (l) => lineItemView(ctx, l, order.currency),
        ctx.bulk,
      ),
    ...metafieldFields(ctx, id),
  };
}

export function lineItemView(ctx: GqlContext, line: SimLineItem, currency: string) {
  const shop = ctx.shop.domain;
  return {
    __typename: "LineItem",
    id: gid("LineItem", line.id),
    title: line.title,
    name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
    variantTitle: line.variantTitle,
    sku: line.sku,
    quantity: line.quantity,
    currentQuantity: line.currentQuantity,
    unfulfilledQuantity: line.fulfillableQuantity,
    nonFulfillableQuantity: line.currentQuantity - line.fulfillableQuantity - line.fulfilledQuantity,
    refundableQuantity: line.currentQuantity,
    requiresShipping: true,
    taxable: true,
    isGiftCard: false,
    customAttributes: (line.properties ?? []).map(({ name, value }) => ({ key: name, value })),
    vendor: null,
    originalUnitPriceSet: moneyBag(line.price, currency),
    discountedUnitPriceSet: moneyBag(line.price, currency),
    originalTotalSet: moneyBag(fromCents(toCents(line.price) * BigInt(line.quantity)), currency),
    // The simulator applies no discounts (its webhooks say total_discount "0.00").
    totalDiscountSet: moneyBag(fromCents(0n), currency),
    variant: () => {
      const variant = line.variantId === null ? undefined : findVariant(ctx.core.store, shop, line.variantId);
      return variant ? variantView(ctx, variant) : null;
    },
    product: () => {
      const product = line.productId === null ? undefined : findProduct(ctx.core.store, shop, line.productId);
      return product ? productView(ctx, product) : null;
    },
  };
}

export function customerView(ctx: GqlContext, customer: SimCustomer) {
  const id = gid("Customer", customer.id);
  return {
    __typename: "Customer",
    id,
    legacyResourceId: customer.id.toString(),
    firstName: customer.firstName,
    lastName: customer.lastName,
    displayName: [customer.firstName, customer.lastName].filter(Boolean).join(" ") || customer.email,
    locale: customer.locale,
    tags: customer.tags,
    defaultEmailAddress: { emailAddress: customer.email, marketingState: "NOT_SUBSCRIBED" },
    createdAt: isoSeconds(customer.createdAt),
    updatedAt: isoSeconds(customer.updatedAt),
    ...metafieldFields(ctx, id),
  };
}
