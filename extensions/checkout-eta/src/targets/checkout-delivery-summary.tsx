// purchase.checkout.shipping-option-list.render-after: beside the delivery-speed choice,
// where a buyer needs to know that some items leave later whatever the speed.
import "@shopify/ui-extensions/preact";
import { mountLaterSummary } from "../ui/mount-later-summary.tsx";

export default async () => {
  mountLaterSummary(shopify, document.body);
};
