import type { TFunction } from "i18next";
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

export function checkoutReach(plan: ShopPlan, t: TFunction): CheckoutReach {
  const everyPlan = t("etas.reach.everyPlan");
  if (plan.shopifyPlus === true)
    return {
      tone: "success",
      title: t("etas.reach.plusTitle"),
      body: `${t("etas.reach.plusBody")} ${everyPlan}`,
    };
  if (plan.shopifyPlus === false)
    return {
      tone: "warning",
      title: plan.planName
        ? t("etas.reach.planTitle", { plan: plan.planName })
        : t("etas.reach.currentPlanTitle"),
      body: `${t("etas.reach.planBody")} ${everyPlan}`,
    };
  return {
    tone: "info",
    title: t("etas.reach.unknownTitle"),
    body: `${t("etas.reach.unknownBody")} ${everyPlan}`,
  };
}
