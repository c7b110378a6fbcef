import { useTranslation } from "react-i18next";
import { Banner, Text } from "@shopify/polaris";
import { useApi } from "../../api/use-api.ts";
import type { ShopResponse } from "../../../../contract/api-responses.ts";
import { checkoutReach } from "./checkout-reach.ts";

/**
 * Where the shop's customers see the ETAs, by plan (checkout steps: Shopify Plus only). Until the
 * plan is known it says what holds for any plan, so the page does not jump when it arrives.
 */
export function CheckoutReachBanner() {
  const { t } = useTranslation();
  const state = useApi<ShopResponse>("/shop");
  const reach = checkoutReach(state.data?.shop ?? { shopifyPlus: null, planName: null }, t);
  return (
    <Banner tone={reach.tone} title={reach.title}>
      <Text as="p">{reach.body}</Text>
    </Banner>
  );
}
