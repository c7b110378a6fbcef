// Types the `shopify` global per entry module, the way Shopify CLI generates this file
// (`shopify app dev` may regenerate it; keep one block per entry module).
import "@shopify/ui-extensions";

declare module "./src/targets/checkout-cart-line.tsx" {
  const shopify: import("@shopify/ui-extensions/purchase.checkout.cart-line-item.render-after").Api;
}

declare module "./src/targets/checkout-delivery-summary.tsx" {
  const shopify: import("@shopify/ui-extensions/purchase.checkout.shipping-option-list.render-after").Api;
}

declare module "./src/targets/thank-you-cart-line.tsx" {
  const shopify: import("@shopify/ui-extensions/purchase.thank-you.cart-line-item.render-after").Api;
}

declare module "./src/targets/order-status-cart-line.tsx" {
  const shopify: import("@shopify/ui-extensions/customer-account.order-status.cart-line-item.render-after").Api;
}
