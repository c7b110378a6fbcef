// customer-account.order-status.cart-line-item.render-after
import "@shopify/ui-extensions/preact";
import { mountLineNotice } from "../ui/mount-line-notice.tsx";

export default async () => {
  mountLineNotice(shopify, "metafields-only", document.body);
};
