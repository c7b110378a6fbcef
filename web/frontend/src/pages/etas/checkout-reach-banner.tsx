import { Banner, Text } from "@shopify/polaris";
import { useApi } from "../../api/use-api.ts";
import { checkoutReach, readShopPlan } from "./checkout-reach.ts";

/**
 * Where the shop's customers see the ETAs, by plan (checkout steps: Shopify Plus only). Until the
 * plan is known it says what holds for any plan, so the page does not jump when it arrives.
 */
export function CheckoutReachBanner() {
  const state = useApi<unknown>("/shop");
  const reach = checkoutReach(readShopPlan(state.data));
  return (
    <Banner tone={reach.tone} title={reach.title}>
      <Text as="p">{reach.body}</Text>
    </Banner>
  );
}
