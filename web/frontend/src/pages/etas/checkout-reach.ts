import type { ShopResponse } from "../../../../contract/api-responses.ts";
// /api/shop's plan fields, and where the shop's customers see a backorder estimate because of it.
// Shopify shows app extensions on the checkout steps before payment (information, shipping,
// payment) only on Shopify Plus; thank-you and order status pages work on the other plans too.

export type ShopPlan = Pick<ShopResponse["shop"], "shopifyPlus" | "planName">;

export type CheckoutReach = {
  tone: "info" | "warning" | "success";
  title: string;
  body: string;
};

const EVERY_PLAN =
  "On every plan, customers see the estimate on product pages (theme block), on the thank-you and order status pages, and in their emails.";
const CART_BLOCK =
  "add the cart block of the theme extension (“Backorder estimates (cart)”) to your cart page in the theme editor. The product block also labels a backordered line when it is added to the cart, and checkout shows that label on every plan";

export function checkoutReach(plan: ShopPlan): CheckoutReach {
  if (plan.shopifyPlus === true)
    return {
      tone: "success",
      title: "Your store is on Shopify Plus: checkout shows the estimate too",
      body: `Under each backordered line and under the shipping options, once you add the Backorder Hub block in the checkout editor. ${EVERY_PLAN}`,
    };
  if (plan.shopifyPlus === false)
    return {
      tone: "warning",
      title: `Your store is on the ${plan.planName ?? "current"} plan: the estimate block cannot appear in checkout steps`,
      body: `The checkout and shipping steps show app extensions only on Shopify Plus stores. For customers to see the estimate before they pay, ${CART_BLOCK}. ${EVERY_PLAN}`,
    };
  return {
    tone: "info",
    title: "Checkout steps show the estimate on Shopify Plus stores only",
    body: `The checkout and shipping steps show app extensions only on Shopify Plus. On other plans, ${CART_BLOCK} so customers see the estimate before they pay. ${EVERY_PLAN}`,
  };
}
